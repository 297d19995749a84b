import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { LocaleCode } from '../../src/api/wire';
import type { DeepLinkAttributes } from '../deep-links/attribute-rules';
import { newRandomId } from '../random-id';
import type { ParticipantRecord, ParticipantUpsert } from './records';
import type { StoreCore } from './store-core';
import type { ParticipantsTable, Tables } from './tables';

export interface UpsertCounts {
  created: number;
  updated: number;
}

export interface ParticipantPage {
  /** Searched in external id, email and phone, case-insensitively; empty or absent: everyone. */
  query?: string;
  limit: number;
  /** The id of the last participant of the previous page. */
  after?: string;
}

export interface ParticipantStore {
  /**
   * One unit of work: each row creates its participant or changes the fields it names (an absent field stays).
   * External ids must be distinct within one call.
   */
  upsert(appId: string, rows: readonly ParticipantUpsert[], at: string): Promise<UpsertCounts>;
  /** Newest first (then by external id); `next` is the `after` of the following page, or null on the last one. */
  page(appId: string, page: ParticipantPage): Promise<{ participants: ParticipantRecord[]; next: string | null }>;
  find(appId: string, externalId: string): Promise<ParticipantRecord | undefined>;
  /** Every participant of the app, subscribed or not, ordered by external id (a stable order to sample from). */
  listAll(appId: string): Promise<ParticipantRecord[]>;
  /** Those of the app among the given external ids (unknown ones are absent), ordered by external id. */
  findByExternalIds(appId: string, externalIds: readonly string[]): Promise<ParticipantRecord[]>;
  /** False when the app has no such participant. Unsubscribing twice keeps the first time. */
  setSubscribed(appId: string, externalId: string, subscribed: boolean, at: string): Promise<boolean>;
  /**
   * The participant whose external id is this customer id sent a message at `at`: last_chatted_at moves forward, at
   * most once an hour (targeting counts in days), so a conversation costs one write an hour, not one per message:
   * a read decides, and only a participant due for it takes a write transaction.
   */
  markChatted(appId: string, externalId: string, at: string): Promise<void>;
}

const MARK_CHATTED_EVERY_MS = 60 * 60 * 1000;
// Rows per INSERT: 12 columns each stays far below SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;
const CHANGEABLE = ['email', 'phone', 'locale', 'subscribed', 'attributes'] as const;
type Changeable = (typeof CHANGEABLE)[number];

export function createParticipantStore(core: StoreCore): ParticipantStore {
  return {
    upsert: (appId, rows, at) =>
      core.write(async ({ trx }) => {
        const counts: UpsertCounts = { created: 0, updated: 0 };
        for (const [fields, group] of groupByFields(rows)) {
          for (let start = 0; start < group.length; start += BATCH) {
            const batch = group.slice(start, start + BATCH).map((row) => toNewRow(appId, row, at));
            const newIds = new Map(batch.map((row) => [row.external_id, row.id]));
            const saved = await trx
              .insertInto('participants')
              .values(batch)
              .onConflict((conflict) => conflict.columns(['app_id', 'external_id']).doUpdateSet((eb) => changesFrom(eb, fields)))
              .returning(['id', 'external_id'])
              .execute();
            for (const row of saved) counts[newIds.get(row.external_id) === row.id ? 'created' : 'updated'] += 1;
          }
        }
        return counts;
      }),
    page: (appId, { query, limit, after }) =>
      core.read(async (db) => {
        let select = db.selectFrom('participants').selectAll().where('app_id', '=', appId);
        const search = query?.trim().toLowerCase();
        if (search) {
          const pattern = `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
          select = select.where((eb) =>
            eb.or(
              (['external_id', 'email', 'phone'] as const).map(
                (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape ${'\\'}`,
              ),
            ),
          );
        }
        if (after) {
          const cursor = await db
            .selectFrom('participants')
            .select(['created_at', 'external_id'])
            .where('app_id', '=', appId)
            .where('id', '=', after)
            .executeTakeFirst();
          if (!cursor) return { participants: [], next: null };
          select = select.where((eb) =>
            eb.or([
              eb('created_at', '<', cursor.created_at),
              eb.and([eb('created_at', '=', cursor.created_at), eb('external_id', '>', cursor.external_id)]),
            ]),
          );
        }
        // Those created by one import share a time: among them, by external id.
        const rows = await select.orderBy('created_at', 'desc').orderBy('external_id').limit(limit + 1).execute();
        const participants = rows.slice(0, limit).map(toRecord);
        return { participants, next: rows.length > limit ? participants[participants.length - 1].id : null };
      }),
    find: (appId, externalId) =>
      core.read(async (db) => {
        const row = await db.selectFrom('participants').selectAll().where('app_id', '=', appId).where('external_id', '=', externalId).executeTakeFirst();
        return row && toRecord(row);
      }),
    listAll: (appId) =>
      core.read(async (db) => {
        const rows = await db.selectFrom('participants').selectAll().where('app_id', '=', appId).orderBy('external_id').execute();
        return rows.map(toRecord);
      }),
    findByExternalIds: (appId, externalIds) =>
      core.read(async (db) => {
        const found: ParticipantRecord[] = [];
        for (let start = 0; start < externalIds.length; start += BATCH) {
          const ids = externalIds.slice(start, start + BATCH);
          const rows = await db.selectFrom('participants').selectAll().where('app_id', '=', appId).where('external_id', 'in', ids).execute();
          found.push(...rows.map(toRecord));
        }
        return found.sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
      }),
    setSubscribed: (appId, externalId, subscribed, at) =>
      core.write(async ({ trx }) => {
        const result = await trx
          .updateTable('participants')
          .set((eb) => ({
            subscribed: subscribed ? 1 : 0,
            unsubscribed_at: subscribed ? null : eb.fn.coalesce('unsubscribed_at', eb.val(at)),
            updated_at: at,
          }))
          .where('app_id', '=', appId)
          .where('external_id', '=', externalId)
          .executeTakeFirst();
        return result.numUpdatedRows === 1n;
      }),
    markChatted: async (appId, externalId, at) => {
      const anHourEarlier = new Date(Date.parse(at) - MARK_CHATTED_EVERY_MS).toISOString();
      const due = (eb: ExpressionBuilder<Tables, 'participants'>) =>
        eb.and([
          eb('app_id', '=', appId),
          eb('external_id', '=', externalId),
          eb.or([eb('last_chatted_at', 'is', null), eb('last_chatted_at', '<=', anHourEarlier)]),
        ]);
      if (!(await core.read((db) => db.selectFrom('participants').select('external_id').where(due).executeTakeFirst()))) return;
      await core.write(async ({ trx }) => {
        await trx.updateTable('participants').set({ last_chatted_at: at }).where(due).execute();
      });
    },
  };
}

/** Rows naming the same fields share one INSERT ... ON CONFLICT statement. */
function groupByFields(rows: readonly ParticipantUpsert[]): Map<readonly Changeable[], ParticipantUpsert[]> {
  const bySignature = new Map<string, { fields: Changeable[]; rows: ParticipantUpsert[] }>();
  for (const row of rows) {
    const fields = CHANGEABLE.filter((field) => row[field] !== undefined);
    const signature = fields.join(',');
    const group = bySignature.get(signature) ?? { fields, rows: [] };
    group.rows.push(row);
    bySignature.set(signature, group);
  }
  return new Map([...bySignature.values()].map((group) => [group.fields, group.rows]));
}

/** On an existing participant: only the named fields, from the row that was about to be inserted. */
function changesFrom(eb: ExpressionBuilder<any, any>, fields: readonly Changeable[]) {
  const changes: Record<string, unknown> = { updated_at: eb.ref('excluded.updated_at') };
  for (const field of fields) {
    changes[field] = eb.ref(`excluded.${field}`);
    if (field === 'subscribed') {
      // Unsubscribing again keeps the first time; subscribing clears it.
      changes.unsubscribed_at = sql`case when ${eb.ref('excluded.subscribed')} = 1 then null else coalesce(${sql.ref('participants.unsubscribed_at')}, ${eb.ref('excluded.unsubscribed_at')}) end`;
    }
  }
  return changes;
}

function toNewRow(appId: string, row: ParticipantUpsert, at: string): ParticipantsTable {
  const subscribed = row.subscribed ?? true;
  return {
    id: newRandomId('p'),
    app_id: appId,
    external_id: row.externalId,
    email: row.email ?? null,
    phone: row.phone ?? null,
    locale: row.locale ?? null,
    attributes: JSON.stringify(row.attributes ?? {}),
    subscribed: subscribed ? 1 : 0,
    unsubscribed_at: subscribed ? null : at,
    created_at: at,
    updated_at: at,
    last_chatted_at: null,
  };
}

function toRecord(row: Selectable<ParticipantsTable>): ParticipantRecord {
  return {
    id: row.id,
    appId: row.app_id,
    externalId: row.external_id,
    email: row.email,
    phone: row.phone,
    locale: row.locale as LocaleCode | null,
    attributes: JSON.parse(row.attributes) as DeepLinkAttributes,
    subscribed: Number(row.subscribed) === 1,
    unsubscribedAt: row.unsubscribed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastChattedAt: row.last_chatted_at,
  };
}
