import type { AgentInvitation, AttributeCondition, InvitationStatus, RecipientStatus, SkipReason } from '../../invitations/invitation-wire';
import { languageName } from '../text/language-names';

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'Sent',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
  bounced: 'Bounced',
  unknown: 'Outcome unknown',
  skipped: 'Skipped',
};

export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  unsubscribed: 'Unsubscribed',
  no_address: 'No address for this channel',
  locale_mismatch: 'Preferred language does not match',
  closed: 'The invitation closed before their turn',
};

export const CHANNEL_LABELS = { email: 'Email', sms: 'SMS' } as const;

export const OP_LABELS: Record<AttributeCondition['op'], string> = {
  equals: 'is',
  notEquals: 'is not',
  contains: 'contains',
  exists: 'is set',
};

export const CLOSED_REASONS = { limit: 'response limit reached', window: 'window ended', cancelled: 'cancelled' } as const;

export function statusText(invitation: Pick<AgentInvitation, 'status' | 'closedReason'>): string {
  const label = INVITATION_STATUS_LABELS[invitation.status];
  return invitation.status === 'closed' && invitation.closedReason ? `${label}: ${CLOSED_REASONS[invitation.closedReason]}` : label;
}

/** The audience in one sentence, for the send confirmation and the summary. */
export function describeAudience(invitation: Pick<AgentInvitation, 'target' | 'localeMatchOnly' | 'locale'>): string {
  const { target } = invitation;
  const parts: string[] = [];
  if (target.kind === 'all') parts.push('all subscribed participants');
  else if (target.kind === 'ids') parts.push(`${target.externalIds.length} chosen ${target.externalIds.length === 1 ? 'participant' : 'participants'} (by external id)`);
  else {
    const conditions = (target.attributes ?? []).map((c) => (c.op === 'exists' ? `${c.key} is set` : `${c.key} ${OP_LABELS[c.op]} “${c.value ?? ''}”`));
    if (target.notChattedInDays !== undefined) conditions.push(`no chat in the last ${target.notChattedInDays} days`);
    if (target.chattedInDays !== undefined) conditions.push(`chatted in the last ${target.chattedInDays} days`);
    parts.push(`subscribed participants where ${conditions.join(' and ')}`);
  }
  if (invitation.localeMatchOnly) parts.push(`only those whose preferred language is ${languageName(invitation.locale)}`);
  if (target.sample) {
    const size = 'count' in target.sample ? `${target.sample.count} ${target.sample.count === 1 ? 'person' : 'people'}` : `${target.sample.percent}%`;
    parts.push(`a random sample of ${size}`);
  }
  return parts.join(', ');
}
