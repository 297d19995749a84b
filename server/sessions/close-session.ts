import type { ApiContext } from '../api-context';
import type { SessionRecord } from '../store/records';

/** Closes a session (idempotent); its visitor streams and the agents hear of it. */
export async function closeSession(context: ApiContext, session: SessionRecord): Promise<SessionRecord> {
  const closed = await context.store.sessions.close(session.appId, session.id, context.clock.now());
  if (closed) return closed;
  // Already closed, perhaps just now by another request or instance: answer with what is stored.
  return (await context.store.sessions.findInApp(session.appId, session.id)) ?? { ...session, status: 'closed' };
}
