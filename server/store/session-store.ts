import type { ExpressionBuilder, Selectable } from 'kysely';
import type { SessionOwner, SessionRecord, SessionStatusFilter } from './records';
import type { StoreCore } from './store-core';
import type { SessionsTable, Tables } from './tables';

export interface SessionStore {
  /** Inserts a new session and tells the app's agents. */
  create(session: SessionRecord): Promise<void>;
  /** Closes an open session and tells its streams; undefined when it is not in the app or already closed. */
  close(appId: string, sessionId: string, now: string): Promise<SessionRecord | undefined>;
  findInApp(appId: string, sessionId: string): Promise<SessionRecord | undefined>;
  /** The session if this visitor, or another visitor of the same verified customer, owns it. */
  findOwned(appId: string, sessionId: string, owner: SessionOwner): Promise<SessionRecord | undefined>;
  /** Newest first. */
  listOwned(appId: string, owner: SessionOwner, limit: number): Promise<SessionRecord[]>;
  /** Most recent activity first. */
  listByActivity(appId: string, status: SessionStatusFilter, limit: number): Promise<SessionRecord[]>;
}

export function createSessionStore(core: StoreCore): SessionStore {
  return {
    create: (session) =>
      core.write(async ({ trx, announce }) => {
        await trx.insertInto('sessions').values(toRow(session)).execute();
        await announce({ kind: 'session', appId: session.appId, sessionId: session.id });
      }),
    close: (appId, sessionId, now) =>
      core.write(async ({ trx, announce }) => {
        const row = await trx
          .updateTable('sessions')
          .set({ status: 'closed', updated_at: now })
          .where('id', '=', sessionId)
          .where('app_id', '=', appId)
          .where('status', '=', 'open')
          .returningAll()
          .executeTakeFirst();
        if (row) await announce({ kind: 'session', appId, sessionId });
        return row && toRecord(row);
      }),
    findInApp: (appId, sessionId) =>
      core.read(async (db) => {
        const row = await db.selectFrom('sessions').selectAll().where('app_id', '=', appId).where('id', '=', sessionId).executeTakeFirst();
        return row && toRecord(row);
      }),
    findOwned: (appId, sessionId, owner) =>
      core.read(async (db) => {
        const row = await db
          .selectFrom('sessions as s')
          .selectAll('s')
          .where('s.app_id', '=', appId)
          .where('s.id', '=', sessionId)
          .where((eb) => ownedBy(eb, appId, owner))
          .executeTakeFirst();
        return row && toRecord(row);
      }),
    listOwned: (appId, owner, limit) =>
      core.read(async (db) => {
        const rows = await db
          .selectFrom('sessions as s')
          .selectAll('s')
          .where('s.app_id', '=', appId)
          .where((eb) => ownedBy(eb, appId, owner))
          .orderBy('s.created_at', 'desc')
          .orderBy('s.id', 'desc')
          .limit(limit)
          .execute();
        return rows.map(toRecord);
      }),
    listByActivity: (appId, status, limit) =>
      core.read(async (db) => {
        let query = db.selectFrom('sessions').selectAll().where('app_id', '=', appId);
        if (status !== 'all') query = query.where('status', '=', status);
        const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
        return rows.map(toRecord);
      }),
  };
}

// A session belongs to its visitor and, when that visitor is verified, to every visitor of the same customer.
function ownedBy(eb: ExpressionBuilder<Tables & { s: SessionsTable }, 's'>, appId: string, owner: SessionOwner) {
  const mine = eb('s.visitor_id', '=', owner.visitorId);
  if (owner.customerId === null) return mine;
  const sameCustomer = eb
    .selectFrom('visitors as v')
    .select('v.id')
    .where('v.app_id', '=', appId)
    .where('v.customer_id', '=', owner.customerId);
  return eb.or([mine, eb('s.visitor_id', 'in', sameCustomer)]);
}

function toRow(session: SessionRecord): SessionsTable {
  return {
    id: session.id,
    app_id: session.appId,
    visitor_id: session.visitorId,
    status: session.status,
    last_seq: session.lastSeq,
    created_at: session.createdAt,
    updated_at: session.updatedAt,
  };
}

export function toRecord(row: Selectable<SessionsTable>): SessionRecord {
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
