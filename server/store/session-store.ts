import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { firstRow, preparedQuery } from './prepared-query';
import type { SessionOwner, SessionRecord, SessionStatusFilter } from './records';
import type { StoreEngine } from './store';
import type { StoreCore } from './store-core';
import type { SessionsTable, Tables, VisitorsTable } from './tables';

export interface SessionStore {
  /** Closes an open session and tells its streams; undefined when it is not in the app or already closed. */
  close(appId: string, sessionId: string, now: string): Promise<SessionRecord | undefined>;
  /** The app's session; with `listed`, only while it is in the agents' list (its visitor has sent a message). */
  findInApp(appId: string, sessionId: string, scope?: { listed: boolean }): Promise<SessionRecord | undefined>;
  /** The session if this visitor, or another visitor of the same verified customer, owns it. */
  findOwned(appId: string, sessionId: string, owner: SessionOwner): Promise<SessionRecord | undefined>;
  /** Newest first. */
  listOwned(appId: string, owner: SessionOwner, limit: number): Promise<SessionRecord[]>;
  /**
   * The agents' list: sessions where the visitor has sent a message, most recent activity first, strictly after
   * `after` in that order.
   */
  listByActivity(appId: string, query: ActivityQuery): Promise<SessionRecord[]>;
  /**
   * The visitor's newest open session without any message started the same way as `fresh` (from the same chat link,
   * or from none), or else `fresh`, inserted (and told to the agents) once `beforeInsert` has not thrown.
   */
  reuseEmptyOrCreate(fresh: SessionRecord, beforeInsert?: () => void): Promise<{ session: SessionRecord; created: boolean }>;
}

export interface ActivityQuery {
  status: SessionStatusFilter;
  limit: number;
  after?: ActivityPosition;
}

/** A place in the agents' list. */
export interface ActivityPosition {
  updatedAt: string;
  id: string;
}

export function createSessionStore(core: StoreCore, engine: StoreEngine): SessionStore {
  return {
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
    findInApp: (appId, sessionId, scope) =>
      core.read(async (db) => {
        const row = await db
          .selectFrom('sessions as s')
          .selectAll('s')
          .where('s.app_id', '=', appId)
          .where('s.id', '=', sessionId)
          .$if(scope?.listed === true, (query) => query.where(visitorHasSpoken))
          .executeTakeFirst();
        return row && toRecord(row);
      }),
    findOwned: (appId, sessionId, owner) =>
      core.read(async (db) => {
        const { visitorId, customerId } = owner;
        const row = await firstRow(
          customerId === null
            ? ownedByVisitor(db, { appId, sessionId, visitorId })
            : ownedByCustomer(db, { appId, sessionId, visitorId, customerId }),
        );
        return row && toRecord(row);
      }),
    listOwned: (appId, owner, limit) =>
      core.read(async (db) => {
        const rows = await ownedSessions(db, appId, owner)
          .orderBy('s.created_at', 'desc')
          .orderBy('s.id', 'desc')
          .limit(limit)
          .execute();
        return rows.map(toRecord);
      }),
    listByActivity: (appId, { status, limit, after }) =>
      core.read(async (db) => {
        let query = db.selectFrom('sessions as s').selectAll('s').where('s.app_id', '=', appId).where(visitorHasSpoken);
        if (status !== 'all') query = query.where('s.status', '=', status);
        if (after) {
          query = query.where((eb) =>
            eb.or([eb('s.updated_at', '<', after.updatedAt), eb.and([eb('s.updated_at', '=', after.updatedAt), eb('s.id', '<', after.id)])]),
          );
        }
        const rows = await query.orderBy('s.updated_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
        return rows.map(toRecord);
      }),
    reuseEmptyOrCreate: (fresh, beforeInsert) =>
      core.write(async ({ trx, announce }) => {
        // Two starts of one visitor at once must not both find nothing and insert: on PostgreSQL the visitor's row
        // lock makes the second wait and then find the first's session (SQLite's BEGIN IMMEDIATE already serializes).
        await trx
          .selectFrom('visitors')
          .select('id')
          .where('id', '=', fresh.visitorId)
          .$if(engine === 'postgres', (query) => query.forUpdate())
          .execute();
        const empty = await trx
          .selectFrom('sessions')
          .selectAll()
          .where('app_id', '=', fresh.appId)
          .where('visitor_id', '=', fresh.visitorId)
          .where('status', '=', 'open')
          .where('last_seq', '=', 0)
          .where('link_id', fresh.linkId === null ? 'is' : '=', fresh.linkId)
          .orderBy('created_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        if (empty) return { session: toRecord(empty), created: false };
        beforeInsert?.();
        await trx.insertInto('sessions').values(toRow(fresh)).execute();
        await announce({ kind: 'session', appId: fresh.appId, sessionId: fresh.id });
        return { session: fresh, created: true };
      }),
  };
}

// Empty sessions cost a visitor nothing to make, so the agents see a session only once its visitor has spoken.
function visitorHasSpoken(eb: ExpressionBuilder<Tables & { s: SessionsTable }, 's'>) {
  return eb.exists(
    eb.selectFrom('messages as m').select('m.id').whereRef('m.session_id', '=', 's.id').where('m.author_role', '=', 'visitor'),
  );
}

/** The app's sessions that this owner may open. */
function ownedSessions(db: Kysely<Tables>, appId: string, owner: SessionOwner) {
  return db
    .selectFrom('sessions as s')
    .selectAll('s')
    .where('s.app_id', '=', appId)
    .where((eb) => ownedBy(eb, appId, owner));
}

// Every visitor request for a session asks this: compiled once per kind of owner (see prepared-query.ts).
const ownedByVisitor = preparedQuery<{ appId: string; sessionId: string; visitorId: string }, Selectable<SessionsTable>>((db, param) =>
  ownedSessions(db, param('appId'), { visitorId: param('visitorId'), customerId: null }).where('s.id', '=', param('sessionId')),
);
const ownedByCustomer = preparedQuery<{ appId: string; sessionId: string; visitorId: string; customerId: string }, Selectable<SessionsTable>>(
  (db, param) =>
    ownedSessions(db, param('appId'), { visitorId: param('visitorId'), customerId: param('customerId') }).where('s.id', '=', param('sessionId')),
);

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

/**
 * The same rule as ownedBy, against the visitor row `v` of the query instead of known values (see
 * visitor-store.ts: the visitor and the session named in a request's path, read together).
 */
export function ownedByVisitorRow(eb: ExpressionBuilder<Tables & { s: SessionsTable; v: VisitorsTable }, 's' | 'v'>) {
  const sameCustomer = eb.selectFrom('visitors as o').select('o.id').whereRef('o.app_id', '=', 'v.app_id').whereRef('o.customer_id', '=', 'v.customer_id');
  return eb.or([eb('s.visitor_id', '=', eb.ref('v.id')), eb('s.visitor_id', 'in', sameCustomer)]);
}

function toRow(session: SessionRecord): SessionsTable {
  return {
    id: session.id,
    app_id: session.appId,
    visitor_id: session.visitorId,
    status: session.status,
    last_seq: session.lastSeq,
    link_id: session.linkId,
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
    linkId: row.link_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
