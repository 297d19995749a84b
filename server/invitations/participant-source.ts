import type { ApiContext } from '../api-context';
import type { InvitationTarget } from './invitation-wire';
import type { TargetableParticipant } from './targeting';

// The invitations' view of the participants store (server/store/participant-store.ts).

/** Everyone the target could name: the listed ones for `ids`, otherwise the whole app (targeting filters them). */
export function loadTargetableParticipants(context: ApiContext, appId: string, target: InvitationTarget): Promise<TargetableParticipant[]> {
  const { participants } = context.store;
  return target.kind === 'ids' ? participants.findByExternalIds(appId, target.externalIds) : participants.listAll(appId);
}

export function findTargetableParticipant(context: ApiContext, appId: string, externalId: string): Promise<TargetableParticipant | undefined> {
  return context.store.participants.find(appId, externalId);
}

export async function markParticipantUnsubscribed(context: ApiContext, appId: string, externalId: string, at: string): Promise<void> {
  await context.store.participants.setSubscribed(appId, externalId, false, at);
}
