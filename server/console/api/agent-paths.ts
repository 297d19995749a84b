// Every agent endpoint's path in one place, with ids encoded so a hostile id cannot change the route.
import type { SessionStatus } from '../../../src/api/wire';

const seg = encodeURIComponent;

export type SessionFilter = SessionStatus | 'all';

export interface MessageQuery {
  before?: number;
  after?: number;
  limit?: number;
}

export const agentPaths = {
  apps: (): string => '/api/agent/apps',
  apiKeys: (appId: string): string => `/api/agent/apps/${seg(appId)}/api-keys`,
  apiKey: (appId: string, keyId: string): string => `/api/agent/apps/${seg(appId)}/api-keys/${seg(keyId)}`,
  me: (): string => '/api/agent/me',
  agents: (): string => '/api/agent/agents',
  agent: (agentId: string): string => `/api/agent/agents/${seg(agentId)}`,
  agentToken: (agentId: string): string => `/api/agent/agents/${seg(agentId)}/token`,
  sessions: (appId: string, status: SessionFilter, cursor?: string): string =>
    `/api/agent/apps/${seg(appId)}/sessions?status=${seg(status)}${cursor ? `&cursor=${seg(cursor)}` : ''}`,
  session: (appId: string, sessionId: string): string => `/api/agent/apps/${seg(appId)}/sessions/${seg(sessionId)}`,
  messages: (appId: string, sessionId: string, query: MessageQuery = {}): string => {
    const params = new URLSearchParams();
    for (const key of ['before', 'after', 'limit'] as const) {
      const value = query[key];
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    return `${agentPaths.session(appId, sessionId)}/messages${search ? `?${search}` : ''}`;
  },
  typing: (appId: string, sessionId: string): string => `${agentPaths.session(appId, sessionId)}/typing`,
  close: (appId: string, sessionId: string): string => `${agentPaths.session(appId, sessionId)}/close`,
  appEvents: (appId: string): string => `/api/agent/apps/${seg(appId)}/events`,
  previews: (appId: string): string => `/api/agent/apps/${seg(appId)}/previews`,
  messagePreview: (appId: string, sessionId: string, messageId: string): string =>
    `${agentPaths.session(appId, sessionId)}/messages/${seg(messageId)}/preview`,
};

export type QrFormat = 'svg' | 'png';

export const linkPaths = {
  links: (appId: string): string => `/api/agent/apps/${seg(appId)}/links`,
  link: (appId: string, linkId: string): string => `${linkPaths.links(appId)}/${seg(linkId)}`,
  qr: (appId: string, linkId: string, format: QrFormat, size?: number): string =>
    `${linkPaths.link(appId, linkId)}/qr.${format}${format === 'png' && size ? `?size=${size}` : ''}`,
};

export interface ParticipantQuery {
  q?: string;
  after?: string;
}

export const participantPaths = {
  participants: (appId: string, query: ParticipantQuery = {}): string => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.after) params.set('after', query.after);
    const search = params.toString();
    return `/api/agent/apps/${seg(appId)}/participants${search ? `?${search}` : ''}`;
  },
  importCsv: (appId: string): string => `/api/agent/apps/${seg(appId)}/participants/import`,
};

export const invitationPaths = {
  invitations: (appId: string): string => `/api/agent/apps/${seg(appId)}/invitations`,
  invitation: (appId: string, id: string, after?: string | null): string =>
    `${invitationPaths.invitations(appId)}/${seg(id)}${after ? `?after=${seg(after)}` : ''}`,
  action: (appId: string, id: string, action: 'preview' | 'send' | 'cancel'): string => `${invitationPaths.invitations(appId)}/${seg(id)}/${action}`,
};
