import type { InputVars, LinkLocale, LocaleCode, SessionStatus } from '../../src/api/wire';
import type { DeepLinkAttributes } from '../deep-links/attribute-rules';
import type { AgentAccount } from '../agent-wire';
import type {
  ClosedReason,
  InvitationChannel,
  InvitationMessages,
  InvitationStatus,
  InvitationTarget,
  RecipientStatus,
  SkipReason,
} from '../invitations/invitation-wire';

// What the store hands to the domain: plain records, never rows or handles.

export interface VisitorClaims {
  name?: string;
  nickname?: string;
  email?: string;
  phone?: string;
}

export interface VisitorRecord {
  id: string;
  appId: string;
  /** The verified customer id (sbs); null for a guest. */
  customerId: string | null;
  displayName: string | null;
  locale: LocaleCode;
  claims: VisitorClaims;
  vars: InputVars;
  createdAt: string;
  updatedAt: string;
}

export type VisitorChanges = Pick<VisitorRecord, 'customerId' | 'displayName' | 'locale' | 'claims' | 'vars' | 'updatedAt'>;

export interface SessionRecord {
  id: string;
  appId: string;
  visitorId: string;
  status: SessionStatus;
  lastSeq: number;
  /** The chat link it was started from, or null. */
  linkId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Who asks: a visitor, and the verified customer it is bound to (null for a guest). */
export interface SessionOwner {
  visitorId: string;
  customerId: string | null;
}

export type SessionStatusFilter = SessionStatus | 'all';

/** Exclusive bounds on seq. */
export interface MessageWindow {
  after?: number;
  before?: number;
}

/** An agent account as stored (the token's hash stays in the store). */
export type AgentRecord = AgentAccount;

export type AgentChanges = Partial<Pick<AgentRecord, 'displayName' | 'role' | 'apps' | 'disabled'>> & {
  updatedAt: string;
  tokenHash?: string;
};

/** A chat link as stored; times are ISO-8601 UTC, null for "not set". */
export interface LinkRecord {
  id: string;
  appId: string;
  name: string;
  description: string | null;
  locale: LinkLocale;
  activeFrom: string | null;
  expiresAt: string | null;
  /** The current slug; earlier ones keep pointing at the link. */
  slug: string;
  perParticipantLimit: number | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An app's API key as stored (its hash stays in the store). */
export interface ApiKeyRecord {
  id: string;
  appId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A personal deep link as stored: found by its code's hash, never by the code. */
export interface DeepLinkRecord {
  appId: string;
  apiKeyId: string;
  scenarioId: string;
  userId: string;
  attributes: DeepLinkAttributes;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Set for a recipient's link of an invitation. */
  invitationId?: string | null;
}

/** What the business's system says about one of its users, as of the last deep link they opened. */
export interface UserContextRecord {
  appId: string;
  userId: string;
  attributes: DeepLinkAttributes;
  updatedAt: string;
}

/** One of an app's participants (issue 11), known by the business's external id. */
export interface ParticipantRecord {
  id: string;
  appId: string;
  externalId: string;
  email: string | null;
  /** E.164. */
  phone: string | null;
  locale: LocaleCode | null;
  attributes: DeepLinkAttributes;
  subscribed: boolean;
  unsubscribedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** When one of the participant's conversations last got a visitor message. */
  lastChattedAt: string | null;
}

/** One row of an upsert, checked and normalized: an absent field is left as it is on update (null clears it). */
export interface ParticipantUpsert {
  externalId: string;
  email?: string | null;
  phone?: string | null;
  locale?: LocaleCode | null;
  subscribed?: boolean;
  /** Replaces the participant's attributes as a whole. */
  attributes?: DeepLinkAttributes;
}

/** An invitation as stored (see server/invitations/invitation-wire.ts for the fields' meaning). */
export interface InvitationRecord {
  id: string;
  appId: string;
  name: string;
  description: string | null;
  locale: LocaleCode;
  opensAt: string;
  closesAt: string;
  responseLimit: number | null;
  target: InvitationTarget;
  localeMatchOnly: boolean;
  channel: InvitationChannel;
  messages: InvitationMessages;
  seed: string | null;
  status: InvitationStatus;
  origin: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  closedAt: string | null;
  closedReason: ClosedReason | null;
}

/** One member of an invitation's frozen audience. */
export interface RecipientRecord {
  id: string;
  invitationId: string;
  appId: string;
  position: number;
  externalId: string;
  channel: InvitationChannel;
  address: string | null;
  locale: LocaleCode;
  attributes: DeepLinkAttributes;
  status: RecipientStatus;
  skipReason: SkipReason | null;
  error: string | null;
  openedAt: string | null;
  respondedAt: string | null;
  updatedAt: string;
}
