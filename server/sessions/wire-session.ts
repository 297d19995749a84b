import type { Session } from '../../src/api/wire';
import type { SessionRecord } from '../store/records';

export function toWireSession(session: SessionRecord): Session {
  return { id: session.id, status: session.status, createdAt: session.createdAt, lastSeq: session.lastSeq };
}
