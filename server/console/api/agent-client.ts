// The agent API over fetch. A 401 anywhere ends the signed-in state through onUnauthorized.
import type { AgentMeResponse,
  AgentAppsResponse,
  AgentSendRequest,
  AgentSessionDetailResponse,
  AgentSessionListResponse,
  AgentTypingRequest,
} from '../../agent-wire';
import type { MessagePage, MessageResponse, SessionResponse } from '../../../src/api/wire';
import { agentPaths, type MessageQuery, type SessionFilter } from './agent-paths';
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
    /** Who the token belongs to and where they may work: what signing in needs. */
    access: async (): Promise<AgentAccess> => {
      const [{ apps }, { agent }] = await Promise.all([json<AgentAppsResponse>(agentPaths.apps()), json<AgentMeResponse>(agentPaths.me())]);
      return { apps, me: agent };
    },
    listSessions: (appId: string, status: SessionFilter, cursor?: string) =>
      json<AgentSessionListResponse>(agentPaths.sessions(appId, status, cursor)),
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
    openAppEvents: (appId: string, signal: AbortSignal) =>
      request(agentPaths.appEvents(appId), { headers: { Accept: 'text/event-stream' }, signal }),
  };
}

export interface AgentAccess {
  apps: AgentAppsResponse['apps'];
  me: AgentMeResponse['agent'];
}
