// The agent API over fetch. A 401 anywhere ends the signed-in state through onUnauthorized.
import type {
  AgentAppsResponse,
  AgentSendRequest,
  AgentSessionDetailResponse,
  AgentSessionListResponse,
  AgentTypingRequest,
} from '../../agent-wire';
import type { MessagePage, MessageResponse, SessionResponse } from '../../../src/api/wire';
import type { ChatLinkDetailResponse, ChatLinkInput, ChatLinkListResponse, ChatLinkPatch, ChatLinkResponse } from '../../links/agent-link-wire';
import { agentPaths, linkPaths, type MessageQuery, type QrFormat, type SessionFilter } from './agent-paths';
import { apiErrorFrom, isAbort, NetworkError } from './api-error';

export interface AgentClientOptions {
  /** Origin (and optional prefix) of the API, without a trailing slash. */
  apiBase: string;
  token: string;
  onUnauthorized?: () => void;
}

export type AgentClient = ReturnType<typeof createAgentClient>;

export function createAgentClient({ apiBase, token, onUnauthorized }: AgentClientOptions) {
  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      response = await fetch(`${apiBase}${path}`, { ...init, headers });
    } catch (error) {
      throw isAbort(error) ? error : new NetworkError(error);
    }
    if (response.ok) return response;
    const error = await apiErrorFrom(response);
    if (response.status === 401) onUnauthorized?.();
    throw error;
  }

  async function json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await (await request(path, init)).json()) as T;
  }

  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

  return {
    listApps: () => json<AgentAppsResponse>(agentPaths.apps()),
    listSessions: (appId: string, status: SessionFilter) =>
      json<AgentSessionListResponse>(agentPaths.sessions(appId, status)),
    getSession: (appId: string, sessionId: string) =>
      json<AgentSessionDetailResponse>(agentPaths.session(appId, sessionId)),
    getMessages: (appId: string, sessionId: string, query: MessageQuery) =>
      json<MessagePage>(agentPaths.messages(appId, sessionId, query)),
    sendMessage: (appId: string, sessionId: string, body: AgentSendRequest) =>
      json<MessageResponse>(agentPaths.messages(appId, sessionId), post(body)),
    postTyping: async (appId: string, sessionId: string, body: AgentTypingRequest): Promise<void> => {
      await request(agentPaths.typing(appId, sessionId), post(body));
    },
    closeSession: (appId: string, sessionId: string) =>
      json<SessionResponse>(agentPaths.close(appId, sessionId), post({})),
    listLinks: (appId: string) => json<ChatLinkListResponse>(linkPaths.links(appId)),
    getLink: (appId: string, linkId: string) => json<ChatLinkDetailResponse>(linkPaths.link(appId, linkId)),
    createLink: (appId: string, body: ChatLinkInput) => json<ChatLinkResponse>(linkPaths.links(appId), post(body)),
    updateLink: (appId: string, linkId: string, body: ChatLinkPatch) =>
      json<ChatLinkResponse>(linkPaths.link(appId, linkId), { method: 'PATCH', body: JSON.stringify(body) }),
    disableLink: (appId: string, linkId: string) => json<ChatLinkResponse>(linkPaths.link(appId, linkId), { method: 'DELETE' }),
    /** The QR image as a Blob: the token travels in a header, so an <img src> cannot fetch it. */
    linkQr: async (appId: string, linkId: string, format: QrFormat, size?: number): Promise<Blob> =>
      (await request(linkPaths.qr(appId, linkId, format, size))).blob(),
    openAppEvents: (appId: string, signal: AbortSignal) =>
      request(agentPaths.appEvents(appId), { headers: { Accept: 'text/event-stream' }, signal }),
  };
}
