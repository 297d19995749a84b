import type { ApiContext } from '../api-context';
import { ApiError } from '../http/api-error';
import type { InvitationRecord } from '../store/records';
import type { InvitationPreview } from './invitation-wire';
import { messageLocaleFor, renderMessage } from './message-rendering';
import { findTargetableParticipant } from './participant-source';

/** The message a real participant would get, with a sample link in place of their personal one (none is issued). */
export async function previewInvitation(context: ApiContext, invitation: InvitationRecord, externalId: string, origin: string): Promise<InvitationPreview> {
  const participant = await findTargetableParticipant(context, invitation.appId, externalId);
  if (!participant) throw new ApiError(404, 'participant_not_found', 'No participant with this external id');
  const locale = messageLocaleFor(invitation.messages, participant.locale, invitation.locale);
  return renderMessage(invitation.messages, locale, { link: `${origin.replace(/\/+$/, '')}/p/${'x'.repeat(32)}`, attributes: participant.attributes });
}
