import type { Database } from 'better-sqlite3';
import type { Session, SessionStatus } from '../../src/api/wire';

export interface SessionRecord {
  id: string;
  appId: string;
  visitorId: string;
  status: SessionStatus;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

/** Who asks: a visitor, and the verified customer it is bound to (null for a guest). */
export interface SessionOwner {
  visitorId: string;
  customerId: string | null;
}

export type SessionStatusFilter = SessionStatus | 'all';

interface SessionRow {
  id: string;
  app_id: string;
  visitor_id: string;
  status: SessionStatus;
  last_seq: number;
  created_at: string;
  updated_at: string;
}

// A session belongs to its visitor and, when that visitor is verified, to every visitor of the same customer.
const OWNED_BY = `(s.visitor_id = @visitorId OR (@customerId IS NOT NULL AND s.visitor_id IN
  (SELECT v.id FROM visitors v WHERE v.app_id = @appId AND v.customer_id = @customerId)))`;

export function createSessionQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO sessions (id, app_id, visitor_id, status, last_seq, created_at, updated_at)
     VALUES (@id, @appId, @visitorId, @status, @lastSeq, @createdAt, @updatedAt)`,
  );
  const inApp = db.prepare<[string, string], SessionRow>('SELECT * FROM sessions WHERE app_id = ? AND id = ?');
  const owned = db.prepare<Record<string, unknown>, SessionRow>(
    `SELECT s.* FROM sessions s WHERE s.app_id = @appId AND s.id = @sessionId AND ${OWNED_BY}`,
  );
  const listOwned = db.prepare<Record<string, unknown>, SessionRow>(
    `SELECT s.* FROM sessions s WHERE s.app_id = @appId AND ${OWNED_BY}
     ORDER BY s.created_at DESC, s.rowid DESC LIMIT @limit`,
  );
  const listByActivity = db.prepare<Record<string, unknown>, SessionRow>(
    `SELECT * FROM sessions WHERE app_id = @appId AND (@status = 'all' OR status = @status)
     ORDER BY updated_at DESC, rowid DESC LIMIT @limit`,
  );
  const bumpSeq = db.prepare<[string, string], { last_seq: number }>(
    'UPDATE sessions SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq',
  );
  const setStatus = db.prepare('UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?');

  return {
    insert(session: SessionRecord): void {
      insert.run(session);
    },
    findInApp(appId: string, sessionId: string): SessionRecord | undefined {
      const row = inApp.get(appId, sessionId);
      return row && toRecord(row);
    },
    findOwned(appId: string, sessionId: string, owner: SessionOwner): SessionRecord | undefined {
      const row = owned.get({ appId, sessionId, ...owner });
      return row && toRecord(row);
    },
    listOwned(appId: string, owner: SessionOwner, limit: number): SessionRecord[] {
      return listOwned.all({ appId, ...owner, limit }).map(toRecord);
    },
    listByActivity(appId: string, status: SessionStatusFilter, limit: number): SessionRecord[] {
      return listByActivity.all({ appId, status, limit }).map(toRecord);
    },
    /** Reserves the next sequence number; call inside the transaction that inserts the message. */
    nextSeq(sessionId: string, now: string): number {
      return bumpSeq.get(now, sessionId)!.last_seq;
    },
    setStatus(sessionId: string, status: SessionStatus, now: string): void {
      setStatus.run(status, now, sessionId);
    },
  };
}

export type SessionQueries = ReturnType<typeof createSessionQueries>;

export function toWireSession(session: SessionRecord): Session {
  return { id: session.id, status: session.status, createdAt: session.createdAt, lastSeq: session.lastSeq };
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    appId: row.app_id,
    visitorId: row.visitor_id,
    status: row.status,
    lastSeq: row.last_seq,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
