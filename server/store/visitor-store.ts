import { sql, type Kysely, type Selectable } from 'kysely';
import type { InputVars, LocaleCode } from '../../src/api/wire';
import { batchedPerTurn } from './batched-per-turn';
import { recordNonce, type UsedNonce } from './nonce-store';
import { firstRow, preparedQuery } from './prepared-query';
import type { SessionRecord, VisitorClaims, VisitorRecord } from './records';
import { ownedByVisitorRow, toRecord as toSessionRecord } from './session-store';
import type { StoreEngine } from './store';
import type { StoreCore } from './store-core';
import type { SessionsTable, Tables, VisitorsTable } from './tables';

/** What a visitor resolution writes: a new visitor with its token's hash, or new details for an existing one. */
export type VisitorWrite = { insert: VisitorRecord; tokenHash: string } | { update: VisitorRecord };

export interface VisitorLookup {
  appId: string;
  /** The hash of the presented token, if one was presented. */
  tokenHash?: string;
  /** A verified link's nonce, recorded in the same transaction. */
  nonce?: UsedNonce;
}

/** What the unit of work found, for the domain's decision. */
export interface VisitorFound {
  current: VisitorRecord | undefined;
  /** True when `nonce` was given and had not been used; false when it was replayed or not given. */
  nonceFresh: boolean;
}

export interface VisitorWithSession {
  visitor: VisitorRecord;
  /** Undefined when there is no such session in the app, or the visitor does not own it. */
  session: SessionRecord | undefined;
}

/** A visitor request about one of its sessions: the app and session in its path, its token's hash. */
interface SessionLookup {
  appId: string;
  tokenHash: string;
  sessionId: string;
}

export interface VisitorStore {
  findByTokenHash(appId: string, tokenHash: string): Promise<VisitorRecord | undefined>;
  /**
   * The token's visitor and, in the same query, the session `sessionId` if that visitor owns it (the rule of
   * SessionStore.findOwned): a visitor's request about one of its sessions reads both at once.
   */
  findByTokenHashWithSession(appId: string, tokenHash: string, sessionId: string): Promise<VisitorWithSession | undefined>;
  findById(id: string): Promise<VisitorRecord | undefined>;
  /** One unit of work: find the token's visitor, record the nonce, then write what `decide` says. */
  resolve<T>(lookup: VisitorLookup, decide: (found: VisitorFound) => { write: VisitorWrite; result: T }): Promise<T>;
}

export function createVisitorStore(core: StoreCore, engine: StoreEngine): VisitorStore {
  const readOne = (lookup: SessionLookup) => core.read(async (db) => toVisitorWithSession(await firstRow(byTokenHashWithSession(db, lookup))));
  const readMany = (lookups: SessionLookup[]) =>
    core.read(async (db) => {
      const rows = await visitorsWithSessions(db, lookups);
      const byPosition = new Map(rows.map(({ i, ...row }) => [Number(i), row]));
      return lookups.map((_, i) => toVisitorWithSession(byPosition.get(i + 1)));
    });
  // Every visitor request about a session starts with this read: on PostgreSQL those of one turn share a round trip.
  const withSession =
    engine === 'postgres' ? batchedPerTurn((lookup: SessionLookup) => `${lookup.appId} ${lookup.tokenHash} ${lookup.sessionId}`, readOne, readMany) : readOne;
  return {
    findByTokenHash: (appId, tokenHash) => core.read((db) => findByTokenHash(db, appId, tokenHash)),
    findByTokenHashWithSession: (appId, tokenHash, sessionId) => withSession({ appId, tokenHash, sessionId }),
    findById: (id) =>
      core.read(async (db) => toRecord(await db.selectFrom('visitors').selectAll().where('id', '=', id).executeTakeFirst())),
    resolve: (lookup, decide) =>
      core.write(async ({ trx }) => {
        const current = lookup.tokenHash === undefined ? undefined : await findByTokenHash(trx, lookup.appId, lookup.tokenHash);
        const nonceFresh = lookup.nonce !== undefined && (await recordNonce(trx, lookup.nonce));
        const { write, result } = decide({ current, nonceFresh });
        if ('insert' in write) await trx.insertInto('visitors').values(toRow(write.insert, write.tokenHash)).execute();
        else await trx.updateTable('visitors').set(changes(write.update)).where('id', '=', write.update.id).execute();
        return result;
      }),
  };
}

async function findByTokenHash(db: Kysely<Tables>, appId: string, tokenHash: string): Promise<VisitorRecord | undefined> {
  return toRecord(await firstRow(byTokenHash(db, { appId, tokenHash })));
}

// Every visitor request starts with it: compiled once (see prepared-query.ts).
const byTokenHash = preparedQuery<{ appId: string; tokenHash: string }, Selectable<VisitorsTable>>((db, param) =>
  db.selectFrom('visitors').selectAll().where('app_id', '=', param('appId')).where('token_hash', '=', param('tokenHash')),
);

type Nullable<T> = { [K in keyof T]: T[K] | null };
type SessionColumns = Nullable<{ [K in keyof SessionsTable as `s_${K & string}`]: SessionsTable[K] }>;

type VisitorWithSessionRow = Selectable<VisitorsTable> & Omit<SessionColumns, 's_app_id'>;

const SESSION_COLUMNS = [
  's.id as s_id',
  's.visitor_id as s_visitor_id',
  's.status as s_status',
  's.last_seq as s_last_seq',
  's.link_id as s_link_id',
  's.created_at as s_created_at',
  's.updated_at as s_updated_at',
] as const;

// Every visitor request about one of its sessions (sending, reading, streaming) starts with it.
const byTokenHashWithSession = preparedQuery<
  { appId: string; tokenHash: string; sessionId: string },
  VisitorWithSessionRow
>((db, param) =>
  db
    .selectFrom('visitors as v')
    .leftJoin('sessions as s', (join) =>
      join.on('s.id', '=', param('sessionId')).onRef('s.app_id', '=', 'v.app_id').on(ownedByVisitorRow),
    )
    .selectAll('v')
    .select(SESSION_COLUMNS)
    .where('v.app_id', '=', param('appId'))
    .where('v.token_hash', '=', param('tokenHash')),
);

function toVisitorWithSession(row: VisitorWithSessionRow | undefined): VisitorWithSession | undefined {
  if (!row) return undefined;
  const { s_id, s_visitor_id, s_status, s_last_seq, s_link_id, s_created_at, s_updated_at, ...visitor } = row;
  const session =
    s_id === null
      ? undefined
      : toSessionRecord({
          id: s_id,
          app_id: visitor.app_id,
          visitor_id: s_visitor_id!,
          status: s_status!,
          last_seq: s_last_seq!,
          link_id: s_link_id,
          created_at: s_created_at!,
          updated_at: s_updated_at!,
        });
  return { visitor: toRecord(visitor)!, session };
}

/**
 * PostgreSQL: byTokenHashWithSession for several lookups in one statement (they travel as three arrays); each row
 * found carries `i`, the 1-based position of its lookup.
 */
async function visitorsWithSessions(db: Kysely<Tables>, lookups: SessionLookup[]) {
  const values = {
    appIds: lookups.map((lookup) => lookup.appId),
    tokenHashes: lookups.map((lookup) => lookup.tokenHash),
    sessionIds: lookups.map((lookup) => lookup.sessionId),
  };
  return (await severalByTokenHashWithSession(db, values)).rows;
}

// The lookups travel as three arrays, so a batch of any size is the same prepared statement.
const severalByTokenHashWithSession = preparedQuery<
  { appIds: string[]; tokenHashes: string[]; sessionIds: string[] },
  VisitorWithSessionRow & { i: string }
>((db, param) => {
  const wanted = sql<{ app_id: string; token_hash: string; session_id: string; i: string }>`(select * from unnest(
    ${param('appIds')}::text[], ${param('tokenHashes')}::text[], ${param('sessionIds')}::text[])
    with ordinality as w(app_id, token_hash, session_id, i))`.as('w');
  return db
    .selectFrom(wanted)
    .innerJoin('visitors as v', (join) => join.onRef('v.app_id', '=', 'w.app_id').onRef('v.token_hash', '=', 'w.token_hash'))
    .leftJoin('sessions as s', (join) => join.onRef('s.id', '=', 'w.session_id').onRef('s.app_id', '=', 'v.app_id').on(ownedByVisitorRow))
    .selectAll('v')
    .select([...SESSION_COLUMNS, 'w.i']);
});

function changes(visitor: VisitorRecord) {
  return {
    customer_id: visitor.customerId,
    display_name: visitor.displayName,
    locale: visitor.locale,
    claims: JSON.stringify(visitor.claims),
    vars: JSON.stringify(visitor.vars),
    updated_at: visitor.updatedAt,
  };
}

function toRow(visitor: VisitorRecord, tokenHash: string): VisitorsTable {
  return { ...changes(visitor), id: visitor.id, app_id: visitor.appId, token_hash: tokenHash, created_at: visitor.createdAt };
}

function toRecord(row: Selectable<VisitorsTable> | undefined): VisitorRecord | undefined {
  if (!row) return undefined;
  return {
    id: row.id,
    appId: row.app_id,
    customerId: row.customer_id,
    displayName: row.display_name,
    locale: row.locale as LocaleCode,
    claims: JSON.parse(row.claims) as VisitorClaims,
    vars: JSON.parse(row.vars) as InputVars,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
