import type { ApiContext } from '../api-context';
import { ApiError } from '../http/api-error';
import { newRandomId } from '../random-id';
import type { SessionRecord, VisitorRecord } from '../store/records';

/** New conversations one visitor may start a minute (bursts up to the same number); per process. */
export const SESSION_STARTS_PER_MINUTE = 10;

/**
 * Starts a conversation for this visitor, or hands back its open conversation that has no message yet, so reloading
 * a page never piles up empty ones. Starting new ones is limited per visitor (429 rate_limited). `linkId`: the chat
 * link it starts from (an empty conversation is handed back only when it came from the same link, or from none).
 */
export async function startSession(
  context: ApiContext,
  visitor: VisitorRecord,
  linkId: string | null = null,
): Promise<{ session: SessionRecord; created: boolean }> {
  const now = context.clock.now();
  const fresh: SessionRecord = {
    id: newRandomId('s'),
    appId: visitor.appId,
    visitorId: visitor.id,
    status: 'open',
    lastSeq: 0,
    linkId,
    createdAt: now,
    updatedAt: now,
  };
  return context.store.sessions.reuseEmptyOrCreate(fresh, () => {
    const decision = context.sessionStarts.take(visitor.id);
    if (!decision.allowed) {
      throw new ApiError(429, 'rate_limited', 'Too many new conversations; slow down', {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }
  });
}
