import type { ApiContext } from '../api-context';
import type { SessionRecord } from '../db/session-queries';
import type { VisitorRecord } from '../db/visitor-queries';
import { newRandomId } from '../random-id';
import { publishNewSession } from './session-events';

export function createSession(context: ApiContext, visitor: VisitorRecord): SessionRecord {
  const now = context.now();
  const session: SessionRecord = {
    id: newRandomId('s'),
    appId: visitor.appId,
    visitorId: visitor.id,
    status: 'open',
    lastSeq: 0,
    createdAt: now,
    updatedAt: now,
  };
  context.sessions.insert(session);
  publishNewSession(context, session);
  return session;
}
