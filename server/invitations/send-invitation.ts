import type { ApiContext } from '../api-context';
import { ApiError } from '../http/api-error';
import { newRandomId } from '../random-id';
import type { InvitationRecord } from '../store/records';
import type { NewRecipient } from '../store/invitation-store';
import { channelReadiness } from './channel-readiness';
import { notDraft } from './invitation-definitions';
import { messageLocaleFor } from './message-rendering';
import { loadTargetableParticipants } from './participant-source';
import { addressFor, selectAudience } from './targeting';

/**
 * Send pressed: freezes the audience (skipped members too, with their reason) and hands the invitation to the sending
 * worker: `sending` at once when its window is open, `scheduled` until then. 409 when the channel lacks settings
 * (`details.missing` names them), when it is no longer a draft, or when its window has already ended.
 */
export async function sendInvitation(context: ApiContext, invitation: InvitationRecord, origin: string): Promise<void> {
  const readiness = channelReadiness(context.settings)[invitation.channel];
  if (!readiness.configured) {
    throw new ApiError(409, 'channel_not_configured', `Set ${readiness.missing!.join(', ')} to send by ${invitation.channel}`, {}, { missing: readiness.missing });
  }
  if (invitation.status !== 'draft') throw notDraft();
  const now = context.clock.now();
  if (Date.parse(invitation.closesAt) <= Date.parse(now)) throw new ApiError(409, 'invitation_window_over', 'The invitation closes before now: change its window');

  const participants = await loadTargetableParticipants(context, invitation.appId, invitation.target);
  const audience = selectAudience(participants, {
    target: invitation.target,
    channel: invitation.channel,
    locale: invitation.locale,
    localeMatchOnly: invitation.localeMatchOnly,
    now,
  });
  const members: NewRecipient[] = audience.map(({ participant, skipReason }) => ({
    id: newRandomId('r'),
    externalId: participant.externalId,
    address: addressFor(participant, invitation.channel),
    locale: messageLocaleFor(invitation.messages, participant.locale, invitation.locale),
    attributes: participant.attributes,
    skipReason: skipReason ?? null,
  }));
  const status = Date.parse(invitation.opensAt) <= Date.parse(now) ? 'sending' : 'scheduled';
  if (!(await context.store.invitations.freeze(invitation.id, status, origin, members, now))) throw notDraft();
  context.invitationSender?.wake();
}
