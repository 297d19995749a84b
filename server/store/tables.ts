import type { AuthorRole, SessionStatus } from '../../src/api/wire';
import type { AgentRole } from '../agent-wire';

// The database as kysely sees it: one interface per table, column names as stored. Both engines hold the same
// shape (times are ISO-8601 text, JSON columns are text), so one set of queries runs on either.

export interface VisitorsTable {
  id: string;
  app_id: string;
  token_hash: string;
  customer_id: string | null;
  display_name: string | null;
  locale: string;
  claims: string;
  vars: string;
  created_at: string;
  updated_at: string;
}

export interface UsedNoncesTable {
  app_id: string;
  sbs: string;
  ranstr: string;
  used_at: string;
}

export interface SessionsTable {
  id: string;
  app_id: string;
  visitor_id: string;
  status: SessionStatus;
  last_seq: number;
  /** The chat link the session was started from (issue 9). */
  link_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MessagesTable {
  id: string;
  session_id: string;
  seq: number;
  client_id: string | null;
  author_role: AuthorRole;
  author_name: string | null;
  kind: 'text' | 'link';
  text: string | null;
  link: string | null;
  /** LinkPreview as JSON, added after the message was stored (issue 12). */
  preview: string | null;
  created_at: string;
}

export interface AgentsTable {
  id: string;
  name: string;
  display_name: string;
  role: AgentRole;
  token_hash: string;
  /** 0 or 1 (SQLite has no boolean). */
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface AgentAppsTable {
  agent_id: string;
  app_id: string;
}

export interface PreviewCacheTable {
  key: string;
  preview: string | null;
  failure: string | null;
  expires_at: string;
}

export interface PreviewImagesTable {
  id: string;
  body: Buffer;
  width: number;
  height: number;
}

export interface ChatLinksTable {
  id: string;
  app_id: string;
  name: string;
  description: string | null;
  /** A LocaleCode or '*'. */
  locale: string;
  active_from: string | null;
  expires_at: string | null;
  /** The current slug; chat_link_slugs holds it and every earlier one. */
  slug: string;
  per_participant_limit: number | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface ChatLinkSlugsTable {
  slug: string;
  link_id: string;
}

export interface ChatLinkUsesTable {
  session_id: string;
  link_id: string;
  participant: string;
  used_at: string;
}

export interface ChatLinkParticipantsTable {
  link_id: string;
  participant: string;
  uses: number;
}

export interface ChatLinkDaysTable {
  link_id: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  opens: number;
  conversations: number;
  messages: number;
}

export interface ApiKeysTable {
  id: string;
  app_id: string;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface DeepLinksTable {
  code_hash: string;
  app_id: string;
  api_key_id: string;
  /** The app's id, or (later) one of its chat links. */
  scenario_id: string;
  user_id: string;
  /** DeepLinkAttributes as JSON. */
  attributes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  /** The invitation that issued the link (its recipient's personal link); absent for links from the public API. */
  invitation_id?: string | null;
}

export interface DeepLinkRequestsTable {
  api_key_id: string;
  idempotency_key: string;
  body_hash: string;
  /** The answer as sent, replayed for a retry with the same key and body. */
  response: string;
  created_at: string;
}

export interface UserContextsTable {
  app_id: string;
  user_id: string;
  attributes: string;
  updated_at: string;
}

export interface ParticipantsTable {
  id: string;
  app_id: string;
  external_id: string;
  email: string | null;
  /** E.164. */
  phone: string | null;
  /** One of the nine locale codes. */
  locale: string | null;
  /** ParticipantAttributes as JSON. */
  attributes: string;
  /** 1 or 0. */
  subscribed: number;
  unsubscribed_at: string | null;
  created_at: string;
  updated_at: string;
  last_chatted_at: string | null;
}

export interface Tables {
  visitors: VisitorsTable;
  used_nonces: UsedNoncesTable;
  sessions: SessionsTable;
  messages: MessagesTable;
  agents: AgentsTable;
  agent_apps: AgentAppsTable;
  preview_cache: PreviewCacheTable;
  preview_images: PreviewImagesTable;
  chat_links: ChatLinksTable;
  chat_link_slugs: ChatLinkSlugsTable;
  chat_link_uses: ChatLinkUsesTable;
  chat_link_participants: ChatLinkParticipantsTable;
  chat_link_days: ChatLinkDaysTable;
  api_keys: ApiKeysTable;
  deep_links: DeepLinksTable;
  deep_link_requests: DeepLinkRequestsTable;
  user_contexts: UserContextsTable;
  participants: ParticipantsTable;
  invitations: InvitationsTable;
  invitation_recipients: InvitationRecipientsTable;
  invitation_events: InvitationEventsTable;
}

export interface InvitationsTable {
  id: string;
  app_id: string;
  name: string;
  description: string | null;
  locale: string;
  opens_at: string;
  closes_at: string;
  response_limit: number | null;
  /** InvitationTarget as JSON. */
  target: string;
  locale_match_only: number;
  channel: string;
  /** InvitationMessages as JSON. */
  messages: string;
  seed: string | null;
  status: string;
  /** The origin personal and unsubscribe links start with, taken when sending was asked for. */
  origin: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  closed_at: string | null;
  closed_reason: string | null;
}

export interface InvitationRecipientsTable {
  id: string;
  invitation_id: string;
  app_id: string;
  /** Sending order within the invitation. */
  position: number;
  external_id: string;
  channel: string;
  address: string | null;
  /** The locale of the message this recipient gets. */
  locale: string;
  /** The participant's attributes when the audience was frozen (JSON). */
  attributes: string;
  status: string;
  skip_reason: string | null;
  error: string | null;
  provider_id: string | null;
  deep_link_hash: string | null;
  unsubscribe_hash: string | null;
  opened_at: string | null;
  responded_at: string | null;
  updated_at: string;
  /** The instance (its bus id) that took the recipient for hand-off. */
  claimed_by: string | null;
}

export interface InvitationEventsTable {
  recipient_id: string;
  at: string;
  event: string;
}
