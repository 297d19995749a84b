// The agent API for invitations (issue 11; reference server, shared with the console). Owner/admin credential.
// The agreed contract is /work/helpers/invitations-contract.md; the README documents it for integrators.
import type { LocaleCode } from '../../src/api/wire';

export type InvitationChannel = 'email' | 'sms';
export type InvitationStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'closed' | 'cancelled';
export type ClosedReason = 'limit' | 'window' | 'cancelled';
export type RecipientStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'unknown' | 'skipped';
/** `closed`: the invitation closed (window, limit or cancel) before this recipient's turn came. */
export type SkipReason = 'unsubscribed' | 'no_address' | 'locale_mismatch' | 'closed';

export interface AttributeCondition {
  key: string;
  op: 'equals' | 'notEquals' | 'contains' | 'exists';
  value?: string | number | boolean;
}

/** A random sample of the matching participants: a number of them or a percentage. */
export type SampleSize = { count: number } | { percent: number };

interface TargetSampling {
  sample?: SampleSize;
  /** Picks the sample; generated at create when a sample is asked, so the same definition picks the same people. */
  seed?: string;
}

export type InvitationTarget = TargetSampling &
  (
    | { kind: 'all' }
    | { kind: 'filter'; attributes?: AttributeCondition[]; notChattedInDays?: number; chattedInDays?: number }
    | { kind: 'ids'; externalIds: string[] }
  );

/** Per locale; `subject` only for email (and required there). Every body contains `{{link}}`. */
export type InvitationMessages = Partial<Record<LocaleCode, { subject?: string; body: string }>>;

/** What an agent sends to create an invitation; PATCH (drafts only) takes any subset. */
export interface InvitationInput {
  name: string;
  description?: string | null;
  /** The engagement locale: one of the app's. The chat opens in it. */
  locale: LocaleCode;
  /** ISO 8601, stored in UTC. */
  opensAt: string;
  closesAt: string;
  responseLimit?: number | null;
  target: InvitationTarget;
  /** Only participants whose preferred locale is the engagement locale. */
  localeMatchOnly: boolean;
  channel: InvitationChannel;
  messages: InvitationMessages;
}

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

export interface AgentInvitation extends Omit<InvitationInput, 'description' | 'responseLimit'> {
  id: string;
  description?: string;
  responseLimit?: number;
  status: InvitationStatus;
  seed?: string;
  createdAt: string;
  sentAt?: string;
  closedAt?: string;
  closedReason?: ClosedReason;
  counts: InvitationCounts;
}

export interface AgentRecipient {
  externalId: string;
  channel: InvitationChannel;
  /** Masked: j***@example.com, +33******78. */
  address: string | null;
  locale: LocaleCode;
  status: RecipientStatus;
  skipReason?: SkipReason;
  openedAt?: string;
  respondedAt?: string;
  error?: string;
  timeline: Array<{ at: string; event: string }>;
}

/** Whether a channel can send, and which settings it still needs. */
export interface ChannelReadiness {
  configured: boolean;
  missing?: string[];
}

/**
 * POST /api/agent/apps/{appId}/invitations               InvitationInput → 201 InvitationResponse
 * PATCH .../invitations/{id}                              (draft only) → 200 InvitationResponse | 409 invitation_not_draft
 * GET  .../invitations                                    → 200 InvitationListResponse
 * GET  .../invitations/{id}?after=&limit=                 → 200 InvitationDetailResponse
 * POST .../invitations/{id}/preview {externalId}          → 200 InvitationPreview
 * POST .../invitations/{id}/send                          → 202 InvitationResponse | 409 channel_not_configured
 * POST .../invitations/{id}/cancel                        → 200 InvitationResponse
 */
export interface InvitationResponse {
  invitation: AgentInvitation;
}

export interface InvitationListResponse {
  invitations: AgentInvitation[];
  channels: { email: ChannelReadiness; sms: ChannelReadiness };
}

export interface InvitationDetailResponse {
  invitation: AgentInvitation;
  counts: InvitationCounts;
  recipients: AgentRecipient[];
  /** Pass as `after` for the next page; null on the last one. */
  next: string | null;
}

export interface InvitationPreview {
  subject?: string;
  body: string;
}
