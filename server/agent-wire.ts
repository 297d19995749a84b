// The agent API of the reference server only (not part of the page's contract). Shared by server/ and the agent
// console. Every call carries `Authorization: Bearer <agentToken>`; without it: 401 unauthorized.
import type { InputVars, LinkCard, LocaleCode, Message, Session } from '../src/api/wire';

/** GET /api/agent/apps → the apps this server hosts. */
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

/** GET /api/agent/apps/{appId}/sessions?status=open|closed|all (default all) → newest activity first. */
export interface AgentSessionListResponse {
  sessions: AgentSessionSummary[];
}

export interface AgentVisitorDetail extends AgentVisitorSummary {
  /** The verified customer id (sbs); only when verified. */
  customerId?: string;
  /** Unsigned details from the link: shown as claims, never used to identify or merge. */
  claims: { name?: string; nickname?: string; email?: string; phone?: string };
  vars: InputVars;
  createdAt: string;
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
 *   (new session, new message, closed); heartbeats as on the visitor stream.
 * POST /api/agent/debug/drop-streams → 204; closes every open SSE connection. Exists only when the server runs
 *   with DIRECT_CHAT_FAULT_INJECTION=1 (end-to-end fault tests); otherwise 404 not_found.
 */
export type AgentStreamEvent = { type: 'session'; data: AgentSessionSummary };
