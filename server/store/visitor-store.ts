import type { Kysely, Selectable } from 'kysely';
import type { InputVars, LocaleCode } from '../../src/api/wire';
import { recordNonce, type UsedNonce } from './nonce-store';
import { firstRow, preparedQuery } from './prepared-query';
import type { SessionRecord, VisitorClaims, VisitorRecord } from './records';
import { ownedByVisitorRow, toRecord as toSessionRecord } from './session-store';
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

export function createVisitorStore(core: StoreCore): VisitorStore {
  return {
    findByTokenHash: (appId, tokenHash) => core.read((db) => findByTokenHash(db, appId, tokenHash)),
    findByTokenHashWithSession: (appId, tokenHash, sessionId) =>
      core.read(async (db) => {
        const row = await firstRow(byTokenHashWithSession(db, { appId, tokenHash, sessionId }));
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
      }),
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

// Every visitor request about one of its sessions (sending, reading, streaming) starts with it.
const byTokenHashWithSession = preparedQuery<
  { appId: string; tokenHash: string; sessionId: string },
  Selectable<VisitorsTable> & Omit<SessionColumns, 's_app_id'>
>((db, param) =>
  db
    .selectFrom('visitors as v')
    .leftJoin('sessions as s', (join) =>
      join.on('s.id', '=', param('sessionId')).onRef('s.app_id', '=', 'v.app_id').on(ownedByVisitorRow),
    )
    .selectAll('v')
    .select([
      's.id as s_id',
      's.visitor_id as s_visitor_id',
      's.status as s_status',
      's.last_seq as s_last_seq',
      's.link_id as s_link_id',
      's.created_at as s_created_at',
      's.updated_at as s_updated_at',
    ])
    .where('v.app_id', '=', param('appId'))
    .where('v.token_hash', '=', param('tokenHash')),
);

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
