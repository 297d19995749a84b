import type { ApiContext } from '../api-context';
import { newRandomId } from '../random-id';
import type { SessionRecord, VisitorRecord } from '../store/records';

/** Starts a conversation for this visitor; the app's agent streams hear of it. */
export async function createSession(context: ApiContext, visitor: VisitorRecord): Promise<SessionRecord> {
  const now = context.clock.now();
  const session: SessionRecord = {
    id: newRandomId('s'),
    appId: visitor.appId,
    visitorId: visitor.id,
    status: 'open',
    lastSeq: 0,
    createdAt: now,
    updatedAt: now,
  };
  await context.store.sessions.create(session);
  return session;
}
