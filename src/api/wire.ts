// The wire contract (v1) between the page and any backend. The reference server imports these same types.
// Types only: nothing here reaches the bundle.

export type LocaleCode = 'zh-cn' | 'zh-tw' | 'en' | 'ja' | 'ko' | 'de' | 'fr' | 'pt' | 'ru';

export type ErrorCode =
  | 'app_not_found'
  | 'fullpage_disabled'
  | 'session_not_found'
  | 'session_closed'
  | 'invalid_request'
  | 'unauthorized'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'link_not_found'
  | 'link_limit_reached'
  | 'slug_taken'
  | 'deep_link_not_found'
  | 'deep_link_expired'
  | 'deep_link_revoked'
  | 'deep_link_invitation_closed'
  | 'internal';

/** Every error answer, with a fitting 4xx/5xx status. `message` is for developers, never shown to visitors. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

export interface Branding {
  title: string;
  /** CSS hex colour, #rgb or #rrggbb. */
  accentColor: string;
  /** An absolute http(s) URL or a same-origin path starting with a single "/"; or absent. */
  logoUrl?: string;
  welcome: string;
  /** A line under the title, such as "Usually replies in a few minutes". */
  replyTime?: string;
  /** Suggested first messages (at most 4), sent on tap. */
  quickReplies?: string[];
}

/** An agent shown as the team's face; without an avatar the page shows the name's initials. */
export interface TeamMember {
  name: string;
  /** An absolute http(s) URL or a same-origin path starting with a single "/". */
  avatarUrl?: string;
}

/** GET /api/apps/{appId}/config?locale=xx → 200 AppConfig | 404 app_not_found | 404 fullpage_disabled */
export interface AppConfig {
  appId: string;
  name: string;
  locales: LocaleCode[];
  defaultLocale: LocaleCode;
  /** Branding resolved for the requested locale (falls back to defaultLocale). */
  branding: Branding;
  /** At most 5 agents; absent or empty when the app names none. */
  team?: TeamMember[];
}

export type DeepLinkState = 'active' | 'expired' | 'revoked'
  /** The link's invitation reached its response limit or the end of its window (issue 11). */
  | 'invitation_closed';

/**
 * GET /api/deep-links/{code}/config?locale=xx → 200 DeepLinkConfigResponse | 404 deep_link_not_found |
 * 404 fullpage_disabled. The page at /p/<code> opens `app`'s chat as the link's user while `state` is active.
 */
export interface DeepLinkConfigResponse {
  deepLink: { state: DeepLinkState; expiresAt: string };
  /** The scenario's app; its welcome is already personalized for an active link. */
  app: AppConfig;
}

export interface IdentityPayload {
  sbs: string;
  sbs_mm: string;
  ranstr: string;
  name?: string;
  nickname?: string;
  email?: string;
  phone?: string;
}

/** Input variables: bounded string attributes from the link (campaign, external id...). */
export type InputVars = Record<string, string>;

/** POST /api/apps/{appId}/visitors, optionally with `Authorization: Bearer <visitorToken>` to resume. */
export interface CreateVisitorRequest {
  locale: LocaleCode;
  identity?: IdentityPayload;
  vars?: InputVars;
  /** The code of a personal deep link (/p/<code>): the visitor becomes its user. 404 or 410 when it cannot be used. */
  deepLink?: string;
}

export type IdentityError = 'bad_signature' | 'replayed' | 'malformed';

export interface Visitor {
  id: string;
  verified: boolean;
  displayName?: string;
}

export interface CreateVisitorResponse {
  visitorToken: string;
  visitor: Visitor;
  identityError?: IdentityError;
}

export type SessionStatus = 'open' | 'closed';

export interface Session {
  id: string;
  status: SessionStatus;
  createdAt: string;
  /** Sequence number of the newest message, 0 when empty. */
  lastSeq: number;
}

/** POST /api/apps/{appId}/sessions (body `{}`) → 201 SessionResponse; GET .../sessions/{id} → 200 | 404 session_not_found */
export interface SessionResponse {
  session: Session;
}

/** GET /api/apps/{appId}/sessions → the visitor's own sessions, newest first. */
export interface SessionListResponse {
  sessions: Session[];
}

export type AuthorRole = 'visitor' | 'agent' | 'system';

export interface LinkCard {
  /** http(s) only. */
  url: string;
  title: string;
  /** https only: the page's Content-Security-Policy loads no other remote image. */
  imageUrl?: string;
  description?: string;
}

/**
 * What the server read from the page behind the first link of a message (Open Graph, Twitter or HTML metadata),
 * sent as an update of that message (`event: preview`) and included in later reads. Every string is remote
 * content: render it as text.
 */
export interface LinkPreview {
  /** http(s): the link as written in the message. */
  url: string;
  title: string;
  description?: string;
  siteName?: string;
  /** Fetched once by the server, re-encoded as WebP and served from its own origin: GET {apiBase}/previews/{id}. */
  image?: { id: string; width: number; height: number };
}

export interface Message {
  id: string;
  /** Per-session sequence number, 1, 2, 3... with no gaps. */
  seq: number;
  clientId?: string;
  author: { role: AuthorRole; name?: string };
  createdAt: string;
  kind: 'text' | 'link';
  text?: string;
  link?: LinkCard;
  preview?: LinkPreview;
}

/** GET .../sessions/{id}/messages?after=&before=&limit= → ascending by seq. `after` and `before` are exclusive. */
export interface MessagePage {
  messages: Message[];
  /** More messages exist beyond this page in the direction asked. */
  hasMore: boolean;
}

/** POST .../sessions/{id}/messages → 201 (new) or 200 (same clientId and text again); 409 conflict on another text. */
export interface SendMessageRequest {
  clientId: string;
  text: string;
}

export interface MessageResponse {
  message: Message;
}

/**
 * GET .../sessions/{id}/events, text/event-stream, with `Last-Event-ID` to resume.
 * - `event: message`, `id: <seq>`, data: Message
 * - `event: typing`, no id, data: TypingEvent
 * - `event: session`, no id, data: Session (status changes)
 * - `event: ready`, no id, data: ReadyEvent, sent first on every connection
 * - `event: preview`, no id, data: PreviewEvent (a link preview added to or removed from a message)
 * - comment lines (`: heartbeat`) every `heartbeatMs`
 */
export interface TypingEvent {
  role: 'agent';
  name?: string;
  typing: boolean;
}

/** A message's preview arrived, or was removed (no `preview`). Not replayed: a later read of the message has it. */
export interface PreviewEvent {
  messageId: string;
  seq: number;
  preview?: LinkPreview;
}

export interface ReadyEvent {
  lastSeq: number;
  heartbeatMs: number;
}

export type StreamEvent =
  | { type: 'message'; data: Message }
  | { type: 'typing'; data: TypingEvent }
  | { type: 'session'; data: Session }
  | { type: 'ready'; data: ReadyEvent }
  | { type: 'preview'; data: PreviewEvent };

// ——— chat links: /c/<slug> ———

/** Where a chat link stands at a given moment. `disabled` is the agent's choice and wins over the timeframe. */
export type ChatLinkState = 'active' | 'not_yet_active' | 'expired' | 'disabled';

/** A link's engagement locale: one of the app's locales, or '*' for a multilingual link (`?lang=`, then detection). */
export type LinkLocale = LocaleCode | '*';

/** What a visitor may know about a chat link: never its name, notes, limit or counts. */
export interface PublicChatLink {
  /** The current slug: a link opened by an older slug answers with its new one. */
  slug: string;
  appId: string;
  locale: LinkLocale;
  state: ChatLinkState;
  /** ISO 8601 UTC, when set. */
  activeFrom?: string;
  expiresAt?: string;
}

/**
 * GET /api/links/{slug}/config?locale=xx → 200 ChatLinkConfigResponse | 404 link_not_found | 404 fullpage_disabled.
 * One call resolves slug → app, link state and branding: for a fixed-locale link the branding is in the link's
 * locale whatever `locale` asks; for a multilingual one in `locale` (falling back to the app's default). The answer
 * is 200 in every state, so the page can brand the not-yet-active, expired and disabled screens.
 */
export interface ChatLinkConfigResponse {
  link: PublicChatLink;
  app: AppConfig;
}

/**
 * POST /api/apps/{appId}/sessions with `{link: slug}` starts a conversation from a chat link. A participant at the
 * link's per-participant limit gets 403 link_limit_reached; a link that is not active gets 404 link_not_found.
 * The use is counted at the conversation's first visitor message, never here and never when the link is opened.
 */
export interface CreateSessionRequest {
  link?: string;
}
