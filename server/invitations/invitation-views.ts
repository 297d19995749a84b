import type { InvitationRecord } from '../store/records';
import type { RecipientWithTimeline } from '../store/invitation-store';
import { maskAddress } from './address-mask';
import type { AgentInvitation, AgentRecipient, InvitationCounts } from './invitation-wire';

/** An invitation as the agent API answers it: its definition, its state and its counts. */
export function toAgentInvitation(record: InvitationRecord, counts: InvitationCounts): AgentInvitation {
  const invitation: AgentInvitation = {
    id: record.id,
    name: record.name,
    locale: record.locale,
    opensAt: record.opensAt,
    closesAt: record.closesAt,
    target: record.target,
    localeMatchOnly: record.localeMatchOnly,
    channel: record.channel,
    messages: record.messages,
    status: record.status,
    createdAt: record.createdAt,
    counts,
  };
  if (record.description !== null) invitation.description = record.description;
  if (record.responseLimit !== null) invitation.responseLimit = record.responseLimit;
  if (record.seed !== null) invitation.seed = record.seed;
  if (record.sentAt !== null) invitation.sentAt = record.sentAt;
  if (record.closedAt !== null) invitation.closedAt = record.closedAt;
  if (record.closedReason !== null) invitation.closedReason = record.closedReason;
  return invitation;
}

/** A recipient with a masked address: the console shows who, never the whole address. */
export function toAgentRecipient({ recipient, timeline }: RecipientWithTimeline): AgentRecipient {
  const view: AgentRecipient = {
    externalId: recipient.externalId,
    channel: recipient.channel,
    address: recipient.address === null ? null : maskAddress(recipient.address),
    locale: recipient.locale,
    status: recipient.status,
    timeline,
  };
  if (recipient.skipReason !== null) view.skipReason = recipient.skipReason;
  if (recipient.openedAt !== null) view.openedAt = recipient.openedAt;
  if (recipient.respondedAt !== null) view.respondedAt = recipient.respondedAt;
  if (recipient.error !== null) view.error = recipient.error;
  return view;
}
