// The agent API over fetch, every answer checked against its valibot schema. A 401 anywhere ends the signed-in state
// through onUnauthorized.
import type {
  AgentChangeRequest,
  AgentCreateRequest,
  AgentCredentialResponse,
  AgentListResponse,
  AgentAccount,
  AgentMeResponse,
  AgentAppsResponse,
  AgentSendRequest,
  AgentSessionDetailResponse,
  AgentSessionListResponse,
  AgentTypingRequest,
  ApiKeyCreatedResponse,
  ApiKeyInfo,
  ApiKeyListResponse,
  LinkPreviewResponse,
} from '../../agent-wire';
import type { MessagePage, MessageResponse, SessionResponse } from '../../../src/api/wire';
import * as v from 'valibot';
import {
  agentAccountResponseSchema,
  agentAppsResponseSchema,
  agentCredentialResponseSchema,
  agentListResponseSchema,
  agentMeResponseSchema,
  agentSessionDetailResponseSchema,
  agentSessionListResponseSchema,
  apiKeyCreatedResponseSchema,
  apiKeyListResponseSchema,
  apiKeyRevokedResponseSchema,
  linkPreviewResponseSchema,
} from '../../schemas/agent-wire-schemas';
import { messagePageSchema, messageResponseSchema, sessionResponseSchema } from '../../schemas/wire-schemas';
import type { ChatLinkDetailResponse, ChatLinkInput, ChatLinkListResponse, ChatLinkPatch, ChatLinkResponse } from '../../links/agent-link-wire';
import { chatLinkDetailResponseSchema, chatLinkListResponseSchema, chatLinkResponseSchema } from '../../schemas/link-wire-schemas';
import type {
  InvitationDetailResponse,
  InvitationInput,
  InvitationListResponse,
  InvitationPreview,
  InvitationResponse,
} from '../../invitations/invitation-wire';
import {
  invitationDetailResponseSchema,
  invitationListResponseSchema,
  invitationPreviewResponseSchema,
  invitationResponseSchema,
} from '../../schemas/invitation-wire-schemas';
import type { ParticipantImportReport, ParticipantListResponse } from '../../participants/participant-wire';
import { participantImportReportSchema, participantListResponseSchema } from '../../schemas/participant-wire-schemas';
import { agentPaths, invitationPaths, linkPaths, participantPaths, type MessageQuery, type ParticipantQuery, type QrFormat, type SessionFilter } from './agent-paths';
import { ApiError, apiErrorFrom, isAbort, NetworkError } from './api-error';

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
    if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
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

  /** The answer's JSON, checked against its schema: an answer of another shape is an error, never state. */
  async function json<T>(schema: v.GenericSchema, path: string, init?: RequestInit): Promise<T> {
    const response = await request(path, init);
    const body: unknown = await response.json().catch(() => undefined);
    if (!v.is(schema, body)) throw new ApiError(response.status, 'unknown', 'The server answered in an unexpected shape.');
    return body as T;
  }

  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

  return {
    listApps: () => json<AgentAppsResponse>(agentAppsResponseSchema, agentPaths.apps()),
    /** Who the token belongs to and where they may work: what signing in needs. */
    access: async (): Promise<AgentAccess> => {
      const [{ apps }, { agent }] = await Promise.all([
        json<AgentAppsResponse>(agentAppsResponseSchema, agentPaths.apps()),
        json<AgentMeResponse>(agentMeResponseSchema, agentPaths.me()),
      ]);
      return { apps, me: agent };
    },
    /** The accounts this owner or admin may manage. */
    listAgents: () => json<AgentListResponse>(agentListResponseSchema, agentPaths.agents()),
    /** A new account and its personal token, which the server never shows again. */
    createAgent: (body: AgentCreateRequest) =>
      json<AgentCredentialResponse>(agentCredentialResponseSchema, agentPaths.agents(), post(body)),
    changeAgent: async (agentId: string, change: AgentChangeRequest): Promise<AgentAccount> =>
      (await json<{ agent: AgentAccount }>(agentAccountResponseSchema, agentPaths.agent(agentId), { method: 'PATCH', body: JSON.stringify(change) })).agent,
    /** A new personal token for the account; its previous one stops working at once. */
    resetAgentToken: (agentId: string) =>
      json<AgentCredentialResponse>(agentCredentialResponseSchema, agentPaths.agentToken(agentId), post({})),
    listSessions: (appId: string, status: SessionFilter, cursor?: string) =>
      json<AgentSessionListResponse>(agentSessionListResponseSchema, agentPaths.sessions(appId, status, cursor)),
    getSession: (appId: string, sessionId: string) =>
      json<AgentSessionDetailResponse>(agentSessionDetailResponseSchema, agentPaths.session(appId, sessionId)),
    getMessages: (appId: string, sessionId: string, query: MessageQuery) =>
      json<MessagePage>(messagePageSchema, agentPaths.messages(appId, sessionId, query)),
    sendMessage: (appId: string, sessionId: string, body: AgentSendRequest) =>
      json<MessageResponse>(messageResponseSchema, agentPaths.messages(appId, sessionId), post(body)),
    postTyping: async (appId: string, sessionId: string, body: AgentTypingRequest): Promise<void> => {
      await request(agentPaths.typing(appId, sessionId), post(body));
    },
    closeSession: (appId: string, sessionId: string) =>
      json<SessionResponse>(sessionResponseSchema, agentPaths.close(appId, sessionId), post({})),
    /** What the visitor would see for a link the agent is composing (nothing when the app's policy excludes it). */
    previewLink: (appId: string, url: string, signal?: AbortSignal) =>
      json<LinkPreviewResponse>(linkPreviewResponseSchema, agentPaths.previews(appId), { ...post({ url }), signal }),
    removePreview: (appId: string, sessionId: string, messageId: string) =>
      json<MessageResponse>(messageResponseSchema, agentPaths.messagePreview(appId, sessionId, messageId), { method: 'DELETE' }),
    listApiKeys: (appId: string) => json<ApiKeyListResponse>(apiKeyListResponseSchema, agentPaths.apiKeys(appId)),
    createApiKey: (appId: string, name: string) =>
      json<ApiKeyCreatedResponse>(apiKeyCreatedResponseSchema, agentPaths.apiKeys(appId), post({ name })),
    revokeApiKey: (appId: string, keyId: string) =>
      json<{ apiKey: ApiKeyInfo }>(apiKeyRevokedResponseSchema, agentPaths.apiKey(appId, keyId), { method: 'DELETE' }),
    openAppEvents: (appId: string, signal: AbortSignal) =>
      request(agentPaths.appEvents(appId), { headers: { Accept: 'text/event-stream' }, signal }),
    listLinks: (appId: string) => json<ChatLinkListResponse>(chatLinkListResponseSchema, linkPaths.links(appId)),
    getLink: (appId: string, linkId: string) => json<ChatLinkDetailResponse>(chatLinkDetailResponseSchema, linkPaths.link(appId, linkId)),
    createLink: (appId: string, body: ChatLinkInput) => json<ChatLinkResponse>(chatLinkResponseSchema, linkPaths.links(appId), post(body)),
    updateLink: (appId: string, linkId: string, body: ChatLinkPatch) =>
      json<ChatLinkResponse>(chatLinkResponseSchema, linkPaths.link(appId, linkId), { method: 'PATCH', body: JSON.stringify(body) }),
    disableLink: (appId: string, linkId: string) => json<ChatLinkResponse>(chatLinkResponseSchema, linkPaths.link(appId, linkId), { method: 'DELETE' }),
    /** The QR image as a Blob: the token travels in a header, so an <img src> cannot fetch it. */
    linkQr: async (appId: string, linkId: string, format: QrFormat, size?: number): Promise<Blob> =>
      (await request(linkPaths.qr(appId, linkId, format, size))).blob(),
    listParticipants: (appId: string, query: ParticipantQuery = {}, signal?: AbortSignal) =>
      json<ParticipantListResponse>(participantListResponseSchema, participantPaths.participants(appId, query), { signal }),
    /** Upserts the file's rows; the report lists the rejected ones by line. */
    importParticipantsCsv: async (appId: string, file: Blob) =>
      json<ParticipantImportReport>(participantImportReportSchema, participantPaths.importCsv(appId), {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        // The bytes as they are: the server reports a file that is not UTF-8 instead of guessing.
        body: await file.arrayBuffer(),
      }),
    listInvitations: (appId: string) => json<InvitationListResponse>(invitationListResponseSchema, invitationPaths.invitations(appId)),
    /** One invitation with its counts and a page of recipients (`after`: the previous page's `next`). */
    getInvitation: (appId: string, id: string, after?: string | null) =>
      json<InvitationDetailResponse>(invitationDetailResponseSchema, invitationPaths.invitation(appId, id, after)),
    createInvitation: (appId: string, body: InvitationInput) =>
      json<InvitationResponse>(invitationResponseSchema, invitationPaths.invitations(appId), post(body)),
    updateInvitation: (appId: string, id: string, body: Partial<InvitationInput>) =>
      json<InvitationResponse>(invitationResponseSchema, invitationPaths.invitation(appId, id), { method: 'PATCH', body: JSON.stringify(body) }),
    previewInvitation: (appId: string, id: string, externalId: string) =>
      json<InvitationPreview>(invitationPreviewResponseSchema, invitationPaths.action(appId, id, 'preview'), post({ externalId })),
    sendInvitation: (appId: string, id: string) => json<InvitationResponse>(invitationResponseSchema, invitationPaths.action(appId, id, 'send'), post({})),
    cancelInvitation: (appId: string, id: string) =>
      json<InvitationResponse>(invitationResponseSchema, invitationPaths.action(appId, id, 'cancel'), post({})),
  };
}

export interface AgentAccess {
  apps: AgentAppsResponse['apps'];
  me: AgentMeResponse['agent'];
}
