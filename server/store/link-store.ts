import { sql, type Selectable, type Transaction } from 'kysely';
import type { LinkLocale } from '../../src/api/wire';
import type { EngagementCounts, EngagementDay } from '../links/agent-link-wire';
import { participantKey } from '../links/participant';
import type { LinkRecord } from './records';
import type { StoreCore } from './store-core';
import type { ChatLinksTable, Tables } from './tables';

export type EngagementField = keyof EngagementCounts;

export interface LinkStore {
  /** Inserts the link and claims its slug; false (and nothing written) when any link has ever used the slug. */
  insert(link: LinkRecord): Promise<boolean>;
  /** Saves the link; a new slug is claimed and every earlier one keeps pointing here. False: the slug is taken. */
  update(link: LinkRecord): Promise<boolean>;
  find(appId: string, id: string): Promise<LinkRecord | undefined>;
  /** By its current or any earlier slug. */
  findBySlug(slug: string): Promise<LinkRecord | undefined>;
  /** The app's links, newest first. */
  list(appId: string): Promise<LinkRecord[]>;
  /** Engagement totals of each link (links without any activity are absent). */
  totals(linkIds: readonly string[]): Promise<Map<string, EngagementCounts>>;
  /** Per UTC day, oldest first; days without activity are absent. */
  days(linkId: string): Promise<EngagementDay[]>;
  /** One more open of the link on `day` (YYYY-MM-DD). */
  countOpen(linkId: string, day: string): Promise<void>;
  /** Conversations this participant has started from the link (counted at their first visitor message). */
  usesBy(linkId: string, participant: string): Promise<number>;
}

export function createLinkStore(core: StoreCore): LinkStore {
  return {
    insert: (link) =>
      rollbackWhenTaken(() =>
        core.write(async ({ trx }) => {
          await trx.insertInto('chat_links').values(toRow(link)).execute();
          await claimSlug(trx, link.slug, link.id);
          return true;
        }),
      ),
    update: (link) =>
      rollbackWhenTaken(() =>
        core.write(async ({ trx }) => {
          const { id: _id, app_id: _app, created_at: _created, ...changes } = toRow(link);
          await trx.updateTable('chat_links').set(changes).where('id', '=', link.id).execute();
          await claimSlug(trx, link.slug, link.id);
          return true;
        }),
      ),
    find: (appId, id) =>
      core.read(async (db) => {
        const row = await db.selectFrom('chat_links').selectAll().where('app_id', '=', appId).where('id', '=', id).executeTakeFirst();
        return row && toRecord(row);
      }),
    findBySlug: (slug) =>
      core.read(async (db) => {
        const row = await db
          .selectFrom('chat_link_slugs as s')
          .innerJoin('chat_links as l', 'l.id', 's.link_id')
          .selectAll('l')
          .where('s.slug', '=', slug)
          .executeTakeFirst();
        return row && toRecord(row);
      }),
    list: (appId) =>
      core.read(async (db) => {
        const rows = await db
          .selectFrom('chat_links')
          .selectAll()
          .where('app_id', '=', appId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute();
        return rows.map(toRecord);
      }),
    totals: (linkIds) =>
      core.read(async (db) => {
        if (linkIds.length === 0) return new Map();
        const rows = await db
          .selectFrom('chat_link_days')
          .select((eb) => [
            'link_id',
            eb.fn.sum<number | string>('opens').as('opens'),
            eb.fn.sum<number | string>('conversations').as('conversations'),
            eb.fn.sum<number | string>('messages').as('messages'),
          ])
          .where('link_id', 'in', linkIds)
          .groupBy('link_id')
          .execute();
        // PostgreSQL sums integers as bigint, which pg hands over as text.
        return new Map(
          rows.map((row) => [row.link_id, { opens: Number(row.opens), conversations: Number(row.conversations), messages: Number(row.messages) }]),
        );
      }),
    days: (linkId) =>
      core.read((db) =>
        db.selectFrom('chat_link_days').select(['day', 'opens', 'conversations', 'messages']).where('link_id', '=', linkId).orderBy('day').execute(),
      ),
    countOpen: (linkId, day) => core.write(({ trx }) => bumpDay(trx, linkId, day, 'opens')),
    usesBy: (linkId, participant) =>
      core.read(async (db) => {
        const row = await db
          .selectFrom('chat_link_participants')
          .select('uses')
          .where('link_id', '=', linkId)
          .where('participant', '=', participant)
          .executeTakeFirst();
        return row?.uses ?? 0;
      }),
  };
}

export type LinkedMessageOutcome = 'not_linked' | 'counted' | 'limit_reached';

/**
 * Inside the unit of work that stores a visitor message of a session started from a link (the caller skips it for
 * other sessions). The first visitor message of such a conversation is a use of the link: taken from the
 * participant's allowance in one statement (so two conversations opened side by side cannot both pass, on either
 * engine) and counted as a conversation; every visitor message counts as one message. 'limit_reached': the caller
 * must roll the whole unit back.
 */
export async function countLinkedVisitorMessage(trx: Transaction<Tables>, sessionId: string, at: string): Promise<LinkedMessageOutcome> {
  const linked = await trx
    .selectFrom('sessions as s')
    .innerJoin('chat_links as l', 'l.id', 's.link_id')
    .innerJoin('visitors as v', 'v.id', 's.visitor_id')
    .select(['l.id as linkId', 'l.per_participant_limit as limit', 'v.id as visitorId', 'v.customer_id as customerId'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!linked) return 'not_linked';
  const participant = participantKey({ id: linked.visitorId, customerId: linked.customerId });
  const day = utcDay(at);
  const firstUse = await trx
    .insertInto('chat_link_uses')
    .values({ session_id: sessionId, link_id: linked.linkId, participant, used_at: at })
    .onConflict((conflict) => conflict.column('session_id').doNothing())
    .executeTakeFirst();
  if (firstUse.numInsertedOrUpdatedRows === 1n) {
    if (!(await takeUse(trx, linked.linkId, participant, linked.limit))) return 'limit_reached';
    await bumpDay(trx, linked.linkId, day, 'conversations');
  }
  await bumpDay(trx, linked.linkId, day, 'messages');
  return 'counted';
}

/** One more use for the participant unless that passes the limit; false (nothing changed) when it would. */
async function takeUse(trx: Transaction<Tables>, linkId: string, participant: string, limit: number | null): Promise<boolean> {
  const taken = await trx
    .insertInto('chat_link_participants')
    .values({ link_id: linkId, participant, uses: 1 })
    .onConflict((conflict) => {
      const increment = conflict
        .columns(['link_id', 'participant'])
        .doUpdateSet({ uses: sql<number>`${sql.ref('chat_link_participants.uses')} + 1` });
      return limit === null ? increment : increment.where('chat_link_participants.uses', '<', limit);
    })
    .returning('uses')
    .executeTakeFirst();
  return taken !== undefined && (limit === null || taken.uses <= limit);
}

async function bumpDay(trx: Transaction<Tables>, linkId: string, day: string, field: EngagementField): Promise<void> {
  await trx
    .insertInto('chat_link_days')
    .values({ link_id: linkId, day, opens: 0, conversations: 0, messages: 0, [field]: 1 })
    .onConflict((conflict) =>
      conflict.columns(['link_id', 'day']).doUpdateSet({ [field]: sql<number>`${sql.ref(`chat_link_days.${field}`)} + 1` }),
    )
    .execute();
}

export const utcDay = (iso: string): string => iso.slice(0, 10);

// Thrown inside a unit of work to roll it back when the slug belongs to another link.
const SLUG_TAKEN = Symbol('slug taken');

async function rollbackWhenTaken(work: () => Promise<boolean>): Promise<boolean> {
  try {
    return await work();
  } catch (error) {
    if (error === SLUG_TAKEN) return false;
    throw error;
  }
}

/**
 * Points the slug at the link. A slug is claimed once and for ever: one that another link holds (or ever held) is
 * refused, even when two agents claim it at the same moment (the primary key decides).
 */
async function claimSlug(trx: Transaction<Tables>, slug: string, linkId: string): Promise<void> {
  const claimed = await trx
    .insertInto('chat_link_slugs')
    .values({ slug, link_id: linkId })
    .onConflict((conflict) => conflict.column('slug').doNothing())
    .executeTakeFirst();
  if (claimed.numInsertedOrUpdatedRows === 1n) return;
  const owner = await trx.selectFrom('chat_link_slugs').select('link_id').where('slug', '=', slug).executeTakeFirst();
  if (owner?.link_id !== linkId) throw SLUG_TAKEN;
}

function toRow(link: LinkRecord): ChatLinksTable {
  return {
    id: link.id,
    app_id: link.appId,
    name: link.name,
    description: link.description,
    locale: link.locale,
    active_from: link.activeFrom,
    expires_at: link.expiresAt,
    slug: link.slug,
    per_participant_limit: link.perParticipantLimit,
    disabled: link.disabled ? 1 : 0,
    created_at: link.createdAt,
    updated_at: link.updatedAt,
  };
}

function toRecord(row: Selectable<ChatLinksTable>): LinkRecord {
  return {
    id: row.id,
    appId: row.app_id,
    name: row.name,
    description: row.description,
    locale: row.locale as LinkLocale,
    activeFrom: row.active_from,
    expiresAt: row.expires_at,
    slug: row.slug,
    perParticipantLimit: row.per_participant_limit,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
