import type { ApiContext } from '../api-context';
import { hashToken } from '../auth/token-hash';
import type { LocaleCode } from '../../src/api/wire';
import type { VisitorRecord } from '../store/records';
import { markParticipantUnsubscribed } from './participant-source';
import { UNSUBSCRIBE_TOKEN_PATTERN } from './unsubscribe-token';

/**
 * A customer's new message: the participant with that external id has chatted now (for "has not chatted in N days"),
 * and if they opened an invitation's link and have not answered yet, this is their response (an invitation at its
 * response limit closes). A read before the response's write, so ordinary messages cost no extra write for it.
 */
export async function noteVisitorMessage(context: ApiContext, visitor: VisitorRecord): Promise<void> {
  if (visitor.customerId === null) return;
  const now = context.clock.now();
  await context.store.participants.markChatted(visitor.appId, visitor.customerId, now);
  if (!(await context.store.invitations.awaitingResponse(visitor.appId, visitor.customerId))) return;
  await context.store.invitations.noteResponse(visitor.appId, visitor.customerId, now);
}

export interface UnsubscribeTarget {
  appId: string;
  /** The language the recipient's message was in. */
  locale: LocaleCode;
}

/** One-click unsubscribe (RFC 8058): the participant behind the token stops receiving invitations. */
export async function unsubscribeByToken(context: ApiContext, token: string): Promise<UnsubscribeTarget | undefined> {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return undefined;
  const now = context.clock.now();
  const found = await context.store.invitations.unsubscribe(hashToken(token), now);
  if (!found) return undefined;
  await markParticipantUnsubscribed(context, found.appId, found.externalId, now);
  return { appId: found.appId, locale: found.locale };
}

/** The app and language behind an unsubscribe token, for its confirm page (nothing changes). */
export async function findUnsubscribeTarget(context: ApiContext, token: string): Promise<UnsubscribeTarget | undefined> {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return undefined;
  return context.store.invitations.unsubscribeTarget(hashToken(token));
}
