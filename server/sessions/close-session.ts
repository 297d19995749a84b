import type { ApiContext } from '../api-context';
import type { SessionRecord } from '../db/session-queries';
import { publishSessionStatus } from './session-events';

/** Closes a session (idempotent) and tells its visitor stream and the agents. */
export function closeSession(context: ApiContext, session: SessionRecord): SessionRecord {
  if (session.status === 'closed') return session;
  const updatedAt = context.now();
  context.sessions.setStatus(session.id, 'closed', updatedAt);
  const closed: SessionRecord = { ...session, status: 'closed', updatedAt };
  publishSessionStatus(context, closed);
  return closed;
}
