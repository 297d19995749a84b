import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { LocaleCode } from '../../src/api/wire';
import type { DeepLinkAttributes } from '../deep-links/attribute-rules';
import type { InvitationCounts, SkipReason } from '../invitations/invitation-wire';
import { LISTENER_NAME_PREFIX } from '../bus/bus';
import type { InvitationRecord, RecipientRecord } from './records';
import type { StoreEngine } from './store';
import type { StoreCore } from './store-core';
import type { InvitationRecipientsTable, InvitationsTable, Tables } from './tables';

/** A member of the audience as it is frozen. */
export interface NewRecipient {
  id: string;
  externalId: string;
  address: string | null;
  locale: LocaleCode;
  attributes: DeepLinkAttributes;
  skipReason: SkipReason | null;
}

/** A recipient taken for hand-off (already `sending`, committed), with its invitation. */
export interface ClaimedRecipient {
  invitation: InvitationRecord;
  recipient: RecipientRecord;
}

export interface RecipientWithTimeline {
  recipient: RecipientRecord;
  timeline: Array<{ at: string; event: string }>;
}

export interface InvitationStore {
  create(invitation: InvitationRecord): Promise<void>;
  /** A draft's new definition; false when it is no longer a draft. */
  saveDraft(invitation: InvitationRecord): Promise<boolean>;
  find(appId: string, id: string): Promise<InvitationRecord | undefined>;
  list(appId: string): Promise<InvitationRecord[]>;
  /** One unit of work: the draft becomes `status` with its audience; false when it was no longer a draft. */
  freeze(id: string, status: 'scheduled' | 'sending', origin: string, members: readonly NewRecipient[], now: string): Promise<boolean>;
  counts(invitationIds: readonly string[]): Promise<Map<string, InvitationCounts>>;
  /** In sending order, after the given position. */
  recipients(invitationId: string, afterPosition: number, limit: number): Promise<RecipientWithTimeline[]>;
  /** Stops it (recipients not handed off yet are skipped: `closed`); undefined when it was closed or cancelled already. */
  cancel(appId: string, id: string, now: string): Promise<InvitationRecord | undefined>;

  // The sending worker.
  /**
   * Recipients left `sending` by a process that died: their outcome is unknown, they are never sent again. On SQLite
   * (one process per database) every claim but `self`'s; on PostgreSQL a claim made before `claimedBefore` by an
   * instance whose LISTEN connection is gone (a live instance's hand-off is still in flight).
   */
  markInterrupted(now: string, claims: { self: string; claimedBefore: string }): Promise<number>;
  /** Scheduled invitations whose window has opened start sending. */
  startDue(now: string): Promise<void>;
  /**
   * Takes the next queued recipient of an open invitation and commits it as `sending`, with its personal link
   * (by the code's hash) and unsubscribe token (hash), in one unit of work; one instance gets each recipient.
   */
  claimNext(now: string, hashes: { codeHash: string; unsubscribeHash: string }, claimedBy: string): Promise<ClaimedRecipient | undefined>;
  finish(recipientId: string, outcome: { status: 'sent' | 'failed' | 'bounced'; providerId?: string; error?: string }, now: string): Promise<void>;
  /** Sending invitations with nobody left to hand off become `sent`. */
  completeSent(now: string): Promise<void>;
  /** Invitations whose window has ended close (reason `window`); recipients not handed off yet are skipped. */
  closeEnded(now: string): Promise<void>;

  // What recipients do.
  noteOpened(deepLinkHash: string, now: string): Promise<void>;
  /** Whether the participant opened an invitation's link and has not responded yet (a read, before any write). */
  awaitingResponse(appId: string, externalId: string): Promise<boolean>;
  /** A participant's first message after opening their link: `responded`; an invitation at its limit closes. */
  noteResponse(appId: string, externalId: string, now: string): Promise<void>;
  /** The app and message locale of the recipient behind an unsubscribe token (nothing recorded). */
  unsubscribeTarget(tokenHash: string): Promise<{ appId: string; locale: LocaleCode } | undefined>;
  /** The recipient behind an unsubscribe token; the event is recorded. */
  unsubscribe(tokenHash: string, now: string): Promise<{ appId: string; externalId: string; locale: LocaleCode } | undefined>;
  /** A provider's delivery report: delivered adds to the timeline, failed/undelivered marks it failed. */
  providerStatus(providerId: string, status: 'delivered' | 'failed' | 'undelivered', now: string): Promise<boolean>;
}

const OPEN_STATUSES = ['scheduled', 'sending', 'sent'];

export function createInvitationStore(core: StoreCore, engine: StoreEngine): InvitationStore {
  return {
    create: (invitation) =>
      core.write(async ({ trx }) => {
        await trx.insertInto('invitations').values(toRow(invitation)).execute();
      }),
    saveDraft: (invitation) =>
      core.write(async ({ trx }) => {
        const result = await trx.updateTable('invitations').set(toRow(invitation)).where('id', '=', invitation.id).where('status', '=', 'draft').executeTakeFirst();
        return result.numUpdatedRows === 1n;
      }),
    find: (appId, id) =>
      core.read(async (db) => {
        const row = await db.selectFrom('invitations').selectAll().where('app_id', '=', appId).where('id', '=', id).executeTakeFirst();
        return row && toRecord(row);
      }),
    list: (appId) =>
      core.read(async (db) => {
        const rows = await db.selectFrom('invitations').selectAll().where('app_id', '=', appId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
        return rows.map(toRecord);
      }),
    freeze: (id, status, origin, members, now) =>
      core.write(async ({ trx }) => {
        const moved = await trx
          .updateTable('invitations')
          .set({ status, origin, sent_at: now, updated_at: now })
          .where('id', '=', id)
          .where('status', '=', 'draft')
          .returning(['app_id', 'channel'])
          .executeTakeFirst();
        if (!moved) return false;
        const { channel } = moved;
        // Batches keep each INSERT well under both engines' bound-parameter limits.
        for (let start = 0; start < members.length; start += 200) {
          const batch = members.slice(start, start + 200);
          await trx
            .insertInto('invitation_recipients')
            .values(
              batch.map((member, index) => ({
                id: member.id,
                invitation_id: id,
                app_id: moved.app_id,
                position: start + index,
                external_id: member.externalId,
                channel,
                address: member.address,
                locale: member.locale,
                attributes: JSON.stringify(member.attributes),
                status: member.skipReason ? 'skipped' : 'queued',
                skip_reason: member.skipReason,
                error: null,
                provider_id: null,
                deep_link_hash: null,
                unsubscribe_hash: null,
                opened_at: null,
                responded_at: null,
                updated_at: now,
              })),
            )
            .execute();
          await trx
            .insertInto('invitation_events')
            .values(batch.map((member) => ({ recipient_id: member.id, at: now, event: member.skipReason ? `skipped: ${member.skipReason}` : 'queued' })))
            .execute();
        }
        return true;
      }),
    counts: (ids) =>
      core.read(async (db) => {
        const counts = new Map<string, InvitationCounts>(ids.map((id) => [id, emptyCounts()]));
        if (ids.length === 0) return counts;
        const rows = await db
          .selectFrom('invitation_recipients')
          .select((eb) => ['invitation_id', 'status', eb.fn.countAll().as('total'), eb.fn.count('opened_at').as('opened'), eb.fn.count('responded_at').as('responded')])
          .where('invitation_id', 'in', ids)
          .groupBy(['invitation_id', 'status'])
          .execute();
        for (const row of rows) {
          const count = counts.get(row.invitation_id)!;
          const total = Number(row.total);
          count.audience += total;
          count.opened += Number(row.opened);
          count.responded += Number(row.responded);
          const key = row.status === 'sending' ? 'queued' : (row.status as keyof InvitationCounts);
          if (key in count) count[key] += total;
        }
        return counts;
      }),
    recipients: (invitationId, afterPosition, limit) =>
      core.read(async (db) => {
        const rows = await db
          .selectFrom('invitation_recipients')
          .selectAll()
          .where('invitation_id', '=', invitationId)
          .where('position', '>', afterPosition)
          .orderBy('position')
          .limit(limit)
          .execute();
        if (rows.length === 0) return [];
        const events = await db
          .selectFrom('invitation_events')
          .selectAll()
          .where('recipient_id', 'in', rows.map((row) => row.id))
          .orderBy('at')
          .execute();
        return rows.map((row) => ({
          recipient: toRecipient(row),
          timeline: events.filter((event) => event.recipient_id === row.id).map(({ at, event }) => ({ at, event })),
        }));
      }),
    cancel: (appId, id, now) =>
      core.write(async ({ trx }) => {
        const row = await trx
          .updateTable('invitations')
          .set({ status: 'cancelled', closed_at: now, closed_reason: 'cancelled', updated_at: now })
          .where('app_id', '=', appId)
          .where('id', '=', id)
          .where('status', 'in', ['draft', ...OPEN_STATUSES])
          .returningAll()
          .executeTakeFirst();
        if (row) await skipUnsent(trx, [row.id], now);
        return row && toRecord(row);
      }),

    markInterrupted: (now, { self, claimedBefore }) =>
      core.write(async ({ trx }) => {
        let interrupted = trx
          .updateTable('invitation_recipients')
          .set({ status: 'unknown', error: 'The server stopped during the hand-off: not sent again', updated_at: now })
          .where('status', '=', 'sending')
          .where(sql<boolean>`coalesce(claimed_by, '') <> ${self}`);
        if (engine === 'postgres') {
          const live = sql`select substr(application_name, ${LISTENER_NAME_PREFIX.length + 1}) from pg_stat_activity where application_name like ${`${LISTENER_NAME_PREFIX}%`}`;
          interrupted = interrupted.where('updated_at', '<', claimedBefore).where(sql<boolean>`coalesce(claimed_by, '') not in (${live})`);
        }
        const rows = await interrupted.returning('id').execute();
        if (rows.length > 0) await trx.insertInto('invitation_events').values(rows.map((row) => ({ recipient_id: row.id, at: now, event: 'unknown' }))).execute();
        return rows.length;
      }),
    startDue: (now) =>
      core.write(async ({ trx }) => {
        await trx.updateTable('invitations').set({ status: 'sending', updated_at: now }).where('status', '=', 'scheduled').where('opens_at', '<=', now).execute();
      }),
    claimNext: (now, hashes, claimedBy) =>
      core.write(async ({ trx }) => {
        let next = trx
          .selectFrom('invitation_recipients as r')
          .innerJoin('invitations as i', 'i.id', 'r.invitation_id')
          .select('r.id')
          .where('r.status', '=', 'queued')
          .where('i.status', '=', 'sending')
          .where('i.opens_at', '<=', now)
          .where('i.closes_at', '>', now)
          .orderBy('i.opens_at')
          .orderBy('r.invitation_id')
          .orderBy('r.position')
          .limit(1);
        // Several instances: each takes a row no other transaction holds (SQLite's write transactions are serial).
        if (engine === 'postgres') next = next.forUpdate('r').skipLocked();
        const picked = await next.executeTakeFirst();
        if (!picked) return undefined;
        const row = await trx
          .updateTable('invitation_recipients')
          .set({ status: 'sending', deep_link_hash: hashes.codeHash, unsubscribe_hash: hashes.unsubscribeHash, updated_at: now, claimed_by: claimedBy })
          .where('id', '=', picked.id)
          .where('status', '=', 'queued')
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        const invitation = toRecord(await trx.selectFrom('invitations').selectAll().where('id', '=', row.invitation_id).executeTakeFirstOrThrow());
        await trx
          .insertInto('deep_links')
          .values({
            code_hash: hashes.codeHash,
            app_id: row.app_id,
            api_key_id: `invitation:${invitation.id}`,
            scenario_id: row.app_id,
            user_id: row.external_id,
            attributes: row.attributes,
            created_at: now,
            expires_at: invitation.closesAt,
            revoked_at: null,
            invitation_id: invitation.id,
          })
          .execute();
        await event(trx, row.id, now, 'sending');
        return { invitation, recipient: toRecipient(row) };
      }),
    finish: (recipientId, outcome, now) =>
      core.write(async ({ trx }) => {
        await trx
          .updateTable('invitation_recipients')
          .set({ status: outcome.status, provider_id: outcome.providerId ?? null, error: outcome.error ?? null, updated_at: now })
          .where('id', '=', recipientId)
          .where('status', '=', 'sending')
          .execute();
        await event(trx, recipientId, now, outcome.status);
      }),
    completeSent: (now) =>
      core.write(async ({ trx }) => {
        await trx
          .updateTable('invitations')
          .set({ status: 'sent', updated_at: now })
          .where('status', '=', 'sending')
          .where('opens_at', '<=', now)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('invitation_recipients')
                  .select('id')
                  .whereRef('invitation_recipients.invitation_id', '=', 'invitations.id')
                  .where('invitation_recipients.status', 'in', ['queued', 'sending']),
              ),
            ),
          )
          .execute();
      }),
    closeEnded: (now) =>
      core.write(async ({ trx }) => {
        const closed = await trx
          .updateTable('invitations')
          .set({ status: 'closed', closed_at: now, closed_reason: 'window', updated_at: now })
          .where('status', 'in', OPEN_STATUSES)
          .where('closes_at', '<=', now)
          .returning('id')
          .execute();
        await skipUnsent(trx, closed.map((row) => row.id), now);
      }),

    noteOpened: (deepLinkHash, now) =>
      core.write(async ({ trx }) => {
        const rows = await trx
          .updateTable('invitation_recipients')
          .set({ opened_at: now })
          .where('deep_link_hash', '=', deepLinkHash)
          .where('opened_at', 'is', null)
          .returning('id')
          .execute();
        for (const row of rows) await event(trx, row.id, now, 'opened');
      }),
    awaitingResponse: (appId, externalId) =>
      core.read(async (db) => {
        const row = await db
          .selectFrom('invitation_recipients')
          .select('id')
          .where('app_id', '=', appId)
          .where('external_id', '=', externalId)
          .where('opened_at', 'is not', null)
          .where('responded_at', 'is', null)
          .limit(1)
          .executeTakeFirst();
        return row !== undefined;
      }),
    noteResponse: (appId, externalId, now) =>
      core.write(async ({ trx }) => {
        const rows = await trx
          .updateTable('invitation_recipients')
          .set({ responded_at: now })
          .where('app_id', '=', appId)
          .where('external_id', '=', externalId)
          .where('opened_at', 'is not', null)
          .where('responded_at', 'is', null)
          .where('invitation_id', 'in', (eb) => eb.selectFrom('invitations').select('id').where('status', 'in', OPEN_STATUSES))
          .returning(['id', 'invitation_id'])
          .execute();
        for (const row of rows) {
          await event(trx, row.id, now, 'responded');
          await closeAtLimit(trx, row.invitation_id, now);
        }
      }),
    unsubscribeTarget: (tokenHash) =>
      core.read(async (db) => {
        const row = await db.selectFrom('invitation_recipients').select(['app_id', 'locale']).where('unsubscribe_hash', '=', tokenHash).executeTakeFirst();
        return row && { appId: row.app_id, locale: row.locale as LocaleCode };
      }),
    unsubscribe: (tokenHash, now) =>
      core.write(async ({ trx }) => {
        const row = await trx.selectFrom('invitation_recipients').select(['id', 'app_id', 'external_id', 'locale']).where('unsubscribe_hash', '=', tokenHash).executeTakeFirst();
        if (!row) return undefined;
        await event(trx, row.id, now, 'unsubscribed');
        return { appId: row.app_id, externalId: row.external_id, locale: row.locale as LocaleCode };
      }),
    providerStatus: (providerId, status, now) =>
      core.write(async ({ trx }) => {
        const row = await trx.selectFrom('invitation_recipients').select(['id', 'status']).where('provider_id', '=', providerId).executeTakeFirst();
        if (!row) return false;
        if (status !== 'delivered' && row.status === 'sent') {
          await trx.updateTable('invitation_recipients').set({ status: 'failed', error: `provider status ${status}`, updated_at: now }).where('id', '=', row.id).execute();
        }
        await event(trx, row.id, now, status);
        return true;
      }),
  };
}

/** Responses counted under the invitation's row lock (PostgreSQL; SQLite's writers are serial), so it closes once. */
async function closeAtLimit(trx: Transaction<Tables>, invitationId: string, now: string): Promise<void> {
  const invitation = await trx
    .updateTable('invitations')
    .set({ updated_at: now })
    .where('id', '=', invitationId)
    .returning(['response_limit', 'status'])
    .executeTakeFirstOrThrow();
  if (invitation.response_limit === null || !OPEN_STATUSES.includes(invitation.status)) return;
  const { responded } = await trx
    .selectFrom('invitation_recipients')
    .select((eb) => eb.fn.count('responded_at').as('responded'))
    .where('invitation_id', '=', invitationId)
    .executeTakeFirstOrThrow();
  if (Number(responded) >= invitation.response_limit) {
    await trx.updateTable('invitations').set({ status: 'closed', closed_at: now, closed_reason: 'limit' }).where('id', '=', invitationId).execute();
    await skipUnsent(trx, [invitationId], now);
  }
}

/** A closed invitation's recipients still queued are never sent: skipped (`closed`), on their timeline too. */
async function skipUnsent(trx: Transaction<Tables>, invitationIds: string[], now: string): Promise<void> {
  if (invitationIds.length === 0) return;
  const skipped = await trx
    .updateTable('invitation_recipients')
    .set({ status: 'skipped', skip_reason: 'closed', updated_at: now })
    .where('invitation_id', 'in', invitationIds)
    .where('status', '=', 'queued')
    .returning('id')
    .execute();
  if (skipped.length > 0) {
    await trx.insertInto('invitation_events').values(skipped.map((row) => ({ recipient_id: row.id, at: now, event: 'skipped: closed' }))).execute();
  }
}

async function event(trx: Transaction<Tables> | Kysely<Tables>, recipientId: string, at: string, name: string): Promise<void> {
  await trx.insertInto('invitation_events').values({ recipient_id: recipientId, at, event: name }).execute();
}

function emptyCounts(): InvitationCounts {
  return { audience: 0, queued: 0, sent: 0, failed: 0, bounced: 0, unknown: 0, opened: 0, responded: 0, skipped: 0 };
}

function toRow(invitation: InvitationRecord): InvitationsTable {
  return {
    id: invitation.id,
    app_id: invitation.appId,
    name: invitation.name,
    description: invitation.description,
    locale: invitation.locale,
    opens_at: invitation.opensAt,
    closes_at: invitation.closesAt,
    response_limit: invitation.responseLimit,
    target: JSON.stringify(invitation.target),
    locale_match_only: invitation.localeMatchOnly ? 1 : 0,
    channel: invitation.channel,
    messages: JSON.stringify(invitation.messages),
    seed: invitation.seed,
    status: invitation.status,
    origin: invitation.origin,
    created_at: invitation.createdAt,
    updated_at: invitation.updatedAt,
    sent_at: invitation.sentAt,
    closed_at: invitation.closedAt,
    closed_reason: invitation.closedReason,
  };
}

function toRecord(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id,
    appId: row.app_id,
    name: row.name,
    description: row.description,
    locale: row.locale as InvitationRecord['locale'],
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    responseLimit: row.response_limit === null ? null : Number(row.response_limit),
    target: JSON.parse(row.target) as InvitationRecord['target'],
    localeMatchOnly: Number(row.locale_match_only) === 1,
    channel: row.channel as InvitationRecord['channel'],
    messages: JSON.parse(row.messages) as InvitationRecord['messages'],
    seed: row.seed,
    status: row.status as InvitationRecord['status'],
    origin: row.origin,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    closedAt: row.closed_at,
    closedReason: row.closed_reason as InvitationRecord['closedReason'],
  };
}

function toRecipient(row: Selectable<InvitationRecipientsTable>): RecipientRecord {
  return {
    id: row.id,
    invitationId: row.invitation_id,
    appId: row.app_id,
    position: Number(row.position),
    externalId: row.external_id,
    channel: row.channel as RecipientRecord['channel'],
    address: row.address,
    locale: row.locale as RecipientRecord['locale'],
    attributes: JSON.parse(row.attributes) as DeepLinkAttributes,
    status: row.status as RecipientRecord['status'],
    skipReason: row.skip_reason as RecipientRecord['skipReason'],
    error: row.error,
    openedAt: row.opened_at,
    respondedAt: row.responded_at,
    updatedAt: row.updated_at,
  };
}
