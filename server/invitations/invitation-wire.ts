// The invitations agent API (issue 11 contract; shared with the console). Owner/admin credential, app-scoped.
import type { LocaleCode } from '../../src/api/wire';

export type InvitationChannel = 'email' | 'sms';
export type AttributeOp = 'equals' | 'notEquals' | 'contains' | 'exists';

export interface AttributeCondition {
  key: string;
  op: AttributeOp;
  value?: string;
}

/** A random part of the target: a number of people or a share of them, reproducible from the invitation's seed. */
export type TargetSample = { count: number } | { percent: number };

interface TargetExtras {
  sample?: TargetSample;
  /** Generated at create when a sample is asked; the same seed and audience pick the same people. */
  seed?: string;
}

export type InvitationTarget =
  | ({ kind: 'all' } & TargetExtras)
  | ({ kind: 'filter'; attributes?: AttributeCondition[]; notChattedInDays?: number; chattedInDays?: number } & TargetExtras)
  | ({ kind: 'ids'; externalIds: string[] } & TargetExtras);

export interface InvitationMessage {
  /** Email only, required there. */
  subject?: string;
  /** Must contain {{link}}; {{attribute}} placeholders are filled per recipient (missing → empty). */
  body: string;
}

export type InvitationMessages = Partial<Record<LocaleCode, InvitationMessage>>;

/** What an agent sends to create an invitation; PATCH (draft only) takes any subset. */
export interface InvitationInput {
  name: string;
  description?: string | null;
  /** The engagement locale: the chat opens in it; its message is required. */
  locale: LocaleCode;
  /** ISO 8601, UTC. */
  opensAt: string;
  closesAt: string;
  responseLimit?: number | null;
  target: InvitationTarget;
  localeMatchOnly: boolean;
  channel: InvitationChannel;
  messages: InvitationMessages;
}

export type InvitationStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'closed' | 'cancelled';
export type InvitationClosedReason = 'limit' | 'window' | 'cancelled';

export interface InvitationCounts {
  audience: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  unknown: number;
  opened: number;
  responded: number;
  skipped: number;
}

export interface AgentInvitation extends InvitationInput {
  id: string;
  status: InvitationStatus;
  seed?: string;
  createdAt: string;
  sentAt?: string;
  closedAt?: string;
  closedReason?: InvitationClosedReason;
  counts: InvitationCounts;
}

export type RecipientStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'unknown' | 'skipped';
export type SkipReason = 'unsubscribed' | 'no_address' | 'locale_mismatch';

export interface RecipientEvent {
  at: string;
  event: string;
}

export interface AgentRecipient {
  externalId: string;
  channel: InvitationChannel;
  /** Masked: j***@example.com, +33******78. */
  address: string;
  locale: LocaleCode;
  status: RecipientStatus;
  skipReason?: SkipReason;
  openedAt?: string;
  respondedAt?: string;
  error?: string;
  timeline: RecipientEvent[];
}

export interface ChannelState {
  configured: boolean;
  /** The settings to set, e.g. ["SMTP_URL", "DIRECT_CHAT_MAIL_FROM"]. */
  missing?: string[];
}

/**
 * POST /api/agent/apps/{appId}/invitations                 InvitationInput → 201 InvitationResponse
 * PATCH /api/agent/apps/{appId}/invitations/{id}           draft only → 200 InvitationResponse
 * GET  /api/agent/apps/{appId}/invitations                 → 200 InvitationListResponse
 * GET  /api/agent/apps/{appId}/invitations/{id}?after=&limit= → 200 InvitationDetailResponse
 * POST /api/agent/apps/{appId}/invitations/{id}/preview    {externalId} → 200 InvitationPreviewResponse
 * POST /api/agent/apps/{appId}/invitations/{id}/send       → 202 InvitationResponse
 * POST /api/agent/apps/{appId}/invitations/{id}/cancel     → 200 InvitationResponse
 */
export interface InvitationResponse {
  invitation: AgentInvitation;
}

export interface InvitationListResponse {
  invitations: AgentInvitation[];
  channels: Record<InvitationChannel, ChannelState>;
}

export interface InvitationDetailResponse {
  invitation: AgentInvitation;
  counts: InvitationCounts;
  recipients: AgentRecipient[];
  next: string | null;
}

export interface InvitationPreviewRequest {
  externalId: string;
}

export interface InvitationPreviewResponse {
  subject?: string;
  body: string;
}
