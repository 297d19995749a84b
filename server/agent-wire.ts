// The agent API of the reference server only (not part of the page's contract). Shared by server/ and the agent
// console. Every call carries `Authorization: Bearer <agentToken>`; without it: 401 unauthorized.
import type { InputVars, LinkCard, LinkPreview, LocaleCode, Message, PreviewEvent, Session } from '../src/api/wire';

export type AgentRole = 'owner' | 'admin' | 'agent';

/** An agent account as owners and admins see it. Owners work in every app; `apps` lists the others' apps. */
export interface AgentAccount {
  id: string;
  /** Unique sign-in handle: 2 to 40 of a-z 0-9 . _ - */
  name: string;
  /** Shown to visitors on every reply. */
  displayName: string;
  role: AgentRole;
  apps: string[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * GET /api/agent/me → who the presented token belongs to. The server's own token (DIRECT_CHAT_AGENT_TOKEN or the
 * generated one) is the owner with `account: false`, no display name and every app.
 */
export interface AgentMeResponse {
  agent: { id: string; name: string; displayName?: string; role: AgentRole; apps: string[]; account: boolean };
}

/** GET /api/agent/agents (owners, admins) */
export interface AgentListResponse {
  agents: AgentAccount[];
}

/** POST /api/agent/agents (owners, admins) → 201 AgentCredentialResponse; 409 conflict when the name is taken. */
export interface AgentCreateRequest {
  name: string;
  displayName: string;
  role: AgentRole;
  apps: string[];
}

/** PATCH /api/agent/agents/{id} → 200 {agent}. */
export interface AgentChangeRequest {
  displayName?: string;
  role?: AgentRole;
  apps?: string[];
  disabled?: boolean;
}

/**
 * Answer of creating an agent and of POST /api/agent/agents/{id}/token (reset): the personal token, shown once; the
 * server keeps only its hash. The previous token stops working at once.
 */
export interface AgentCredentialResponse {
  agent: AgentAccount;
  token: string;
}

/** GET /api/agent/apps → the apps this agent may work in. */
export interface AgentAppsResponse {
  /** `locales`: the app's languages (a chat link's engagement locale is one of them, or all). */
  apps: { appId: string; name: string; locales: LocaleCode[] }[];
}

export interface AgentVisitorSummary {
  id: string;
  verified: boolean;
  /** From the link's unsigned name or nickname: a claim even when `verified` is true. */
  displayName?: string;
  locale: LocaleCode;
}

export interface AgentSessionSummary extends Session {
  appId: string;
  updatedAt: string;
  visitor: AgentVisitorSummary;
  lastMessage?: Message;
}

/**
 * GET /api/agent/apps/{appId}/sessions?status=open|closed|all (default all)&limit=1..200 (default 50)&cursor= → the
 * sessions whose visitor has sent a message, newest activity first. `nextCursor`, when present, fetches the next page.
 */
export interface AgentSessionListResponse {
  sessions: AgentSessionSummary[];
  nextCursor?: string;
}

export interface AgentVisitorDetail extends AgentVisitorSummary {
  /** The verified customer id (sbs); only when verified. */
  customerId?: string;
  /** Unsigned details from the link: shown as claims, never used to identify or merge. */
  claims: { name?: string; nickname?: string; email?: string; phone?: string };
  vars: InputVars;
  createdAt: string;
  /** Supplied by the business's system through a personal deep link (never by the visitor); absent otherwise. */
  userContext?: AgentUserContext;
}

/** A deep-link attribute: a scalar or a collection of scalars. */
export type AgentAttributeValue = string | number | boolean | Array<string | number | boolean>;

/** The user id and attributes of the newest deep link this customer opened. */
export interface AgentUserContext {
  userId: string;
  attributes: Record<string, AgentAttributeValue>;
  updatedAt: string;
}

/** An app's API key for the public deep-link API; the key itself is shown once, when created. */
export interface ApiKeyInfo {
  id: string;
  appId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** GET /api/agent/apps/{appId}/api-keys (owners, admins), newest first. */
export interface ApiKeyListResponse {
  apiKeys: ApiKeyInfo[];
}

/** POST /api/agent/apps/{appId}/api-keys `{name?}` (owners, admins) → 201. DELETE .../api-keys/{id} → 200 `{apiKey}`. */
export interface ApiKeyCreatedResponse {
  apiKey: ApiKeyInfo;
  key: string;
}

/** GET /api/agent/apps/{appId}/sessions/{id} */
export interface AgentSessionDetailResponse {
  session: AgentSessionSummary;
  visitor: AgentVisitorDetail;
}

/**
 * POST /api/agent/apps/{appId}/sessions/{id}/messages → 201 MessageResponse (200 on an idempotent repeat).
 * Link URLs and image URLs must be http(s): anything else is 400 invalid_request.
 */
export type AgentSendRequest =
  | { clientId: string; kind: 'text'; text: string; authorName?: string }
  | { clientId: string; kind: 'link'; link: LinkCard; authorName?: string };

/** POST /api/agent/apps/{appId}/sessions/{id}/typing → 204 */
export interface AgentTypingRequest {
  typing: boolean;
  authorName?: string;
}

/**
 * POST /api/agent/apps/{appId}/sessions/{id}/close → 200 SessionResponse (status 'closed').
 * GET /api/agent/apps/{appId}/sessions/{id}/messages?after=&before=&limit= → MessagePage (as for visitors).
 * GET /api/agent/apps/{appId}/events → SSE; `event: session`, data: AgentSessionSummary, on every change
 *   (new session, new message, closed); `event: preview`, data: AgentPreviewEvent, when a message's link preview
 *   arrives or is removed; heartbeats as on the visitor stream.
 * POST /api/agent/debug/drop-streams → 204; closes every open SSE connection. Exists only when the server runs
 *   with DIRECT_CHAT_FAULT_INJECTION=1 (end-to-end fault tests); otherwise 404 not_found.
 */
export type AgentStreamEvent = { type: 'session'; data: AgentSessionSummary } | { type: 'preview'; data: AgentPreviewEvent };

export interface AgentPreviewEvent extends PreviewEvent {
  sessionId: string;
}

/**
 * POST /api/agent/apps/{appId}/previews {url} → 200 LinkPreviewResponse: the preview the visitor would see for a
 * link being composed (no `preview` when the app's settings exclude it or the page gives none).
 * DELETE /api/agent/apps/{appId}/sessions/{id}/messages/{messageId}/preview → 200 MessageResponse without
 * `preview`; visitors get `event: preview` without one. 404 not_found for an unknown message.
 * GET /api/previews/{imageId} (no token: an image tag cannot send one; ids are SHA-256 of the image) → image/webp.
 */
export interface LinkPreviewRequest {
  url: string;
}

export interface LinkPreviewResponse {
  preview?: LinkPreview;
}
