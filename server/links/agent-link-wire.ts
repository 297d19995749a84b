// The agent API for chat links (reference server; shared with the console). Owner/admin credential required:
// today the agent token (see server/links/link-permission.ts).
import type { ChatLinkState, LinkLocale } from '../../src/api/wire';

/** What an agent sends to create a link; PATCH takes any subset, `null` clears an optional field. */
export interface ChatLinkInput {
  name: string;
  description?: string | null;
  locale: LinkLocale;
  /** ISO 8601 with a zone (the console sends UTC); stored in UTC. */
  activeFrom?: string | null;
  expiresAt?: string | null;
  /** Omitted on create: one is generated. */
  slug?: string;
  /** Conversations one participant may start from this link; absent or null: no limit. */
  perParticipantLimit?: number | null;
}

export interface ChatLinkPatch extends Partial<ChatLinkInput> {
  /** false re-enables a disabled link. */
  disabled?: boolean;
}

export interface EngagementCounts {
  /** Times the link's page was opened (config answered), robots included: it is never used for limits. */
  opens: number;
  /** Conversations started from the link (first visitor message sent). */
  conversations: number;
  /** Visitor messages in those conversations. */
  messages: number;
}

export interface AgentChatLink {
  id: string;
  appId: string;
  name: string;
  description?: string;
  locale: LinkLocale;
  activeFrom?: string;
  expiresAt?: string;
  slug: string;
  /** `<origin>/c/<slug>`. */
  url: string;
  perParticipantLimit?: number;
  disabled: boolean;
  /** At the time of the answer. */
  state: ChatLinkState;
  createdAt: string;
  updatedAt: string;
  totals: EngagementCounts;
}

/** One UTC day of engagement, `day` as YYYY-MM-DD. Days without activity are omitted. */
export interface EngagementDay extends EngagementCounts {
  day: string;
}

/**
 * POST   /api/agent/apps/{appId}/links          ChatLinkInput → 201 ChatLinkResponse | 400 invalid_request | 409 slug_taken
 * GET    /api/agent/apps/{appId}/links          → 200 ChatLinkListResponse (newest first)
 * GET    /api/agent/apps/{appId}/links/{id}     → 200 ChatLinkDetailResponse | 404 link_not_found
 * PATCH  /api/agent/apps/{appId}/links/{id}     ChatLinkPatch → 200 ChatLinkResponse (a new slug keeps the old answering)
 * DELETE /api/agent/apps/{appId}/links/{id}     → 200 ChatLinkResponse with disabled: true (kept, so codes say "disabled")
 * GET    /api/agent/apps/{appId}/links/{id}/qr.svg           → image/svg+xml
 * GET    /api/agent/apps/{appId}/links/{id}/qr.png?size=512  → image/png, size 128-2048 pixels (default 512)
 */
export interface ChatLinkResponse {
  link: AgentChatLink;
}

export interface ChatLinkListResponse {
  links: AgentChatLink[];
}

export interface ChatLinkDetailResponse {
  link: AgentChatLink;
  engagement: EngagementDay[];
}
