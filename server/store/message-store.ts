import { sql, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { AuthorRole, LinkCard, LinkPreview, Message } from '../../src/api/wire';
import { countLinkedVisitorMessage } from './link-store';
import type { MessageNotification } from '../bus/bus';
import { batchedCatchUp, readCatchUps } from './batched-catch-up';
import { batchedPerTurn } from './batched-per-turn';
import { appendSeveral } from './postgres/append-several';
import { firstRow, preparedQuery, type Param } from './prepared-query';
import type { MessageWindow } from './records';
import type { StoreCore, WriteScope } from './store-core';
import type { StoreEngine } from './store';
import type { MessagesTable, Tables } from './tables';

/** A message to append: everything but its seq, which the store assigns. */
export type NewMessage = Omit<Message, 'seq'> & { clientId: string };

export type AppendOutcome =
  | { kind: 'created'; message: Message }
  /** The same author role already sent this clientId: the earlier message (the caller compares the content). */
  | { kind: 'exists'; message: Message }
  /** The session is closed (or not in this app) and the clientId is new. */
  | { kind: 'closed' }
  /** The first visitor message of a conversation from a chat link whose participant has used up the link. */
  | { kind: 'link_limit_reached' };

export interface MessageStore {
  /**
   * One unit of work: takes the session's row lock while reserving the next seq (UPDATE ... last_seq + 1 RETURNING),
   * inserts, and announces. Concurrent appends to one session queue on that lock, so seqs have no gaps and commit in
   * seq order on both engines. Idempotent on (session, author role, clientId).
   */
  append(appId: string, sessionId: string, message: NewMessage): Promise<AppendOutcome>;
  findByClientId(sessionId: string, role: AuthorRole, clientId: string): Promise<Message | undefined>;
  /** Up to `limit` messages inside the window, the oldest ones first. */
  oldest(sessionId: string, window: MessageWindow, limit: number): Promise<Message[]>;
  /** Up to `limit` messages inside the window nearest its upper end, returned in ascending order. */
  newest(sessionId: string, window: MessageWindow, limit: number): Promise<Message[]>;
  latest(sessionId: string): Promise<Message | undefined>;
  /**
   * As oldest(sessionId, {after}, limit), for a live stream woken by another instance: on PostgreSQL the reads asked
   * for in one event-loop turn go to the database as one query (see batched-catch-up.ts).
   */
  catchUp(sessionId: string, after: number, limit: number): Promise<Message[]>;
  findById(sessionId: string, messageId: string): Promise<Message | undefined>;
  /** Sets or (undefined) removes a message's link preview and announces it; the message as it now is. */
  setPreview(appId: string, sessionId: string, messageId: string, preview: LinkPreview | undefined): Promise<Message | undefined>;
}

// Why a message was not appended (its clientId was sent before, or its session is not open in the app); thrown inside
// a transaction to roll its seq reservation back.
const NOT_APPENDED = Symbol('not appended');
const LINK_LIMIT_REACHED = Symbol('link limit reached');
const DEADLOCK_DETECTED = '40P01';

interface Pending {
  appId: string;
  sessionId: string;
  draft: NewMessage;
}

/**
 * What appending in one statement did: the message appended; NOT_APPENDED, its clientId was sent before; or undefined,
 * nothing appended, because the session is not open in the app or the message counts against a chat link.
 */
type QuickOutcome = Message | typeof NOT_APPENDED | undefined;

/** What a unit in a transaction did: the message appended, or why it appended nothing. */
type Settled = Message | typeof NOT_APPENDED | typeof LINK_LIMIT_REACHED;

function settled(error: unknown): Settled {
  if (error === NOT_APPENDED || error === LINK_LIMIT_REACHED) return error;
  throw error;
}

export function createMessageStore(core: StoreCore, engine: StoreEngine): MessageStore {
  const findByClientId = (sessionId: string, role: AuthorRole, clientId: string) =>
    core.read(async (db) => {
      const row = await firstRow(byClientId(db, { sessionId, role, clientId }));
      return row && toMessage(row);
    });

  /**
   * PostgreSQL: the seq reserved, the message inserted and its hint notified in ONE statement, which runs as its own
   * transaction (two round trips fewer than BEGIN ... COMMIT). Undefined when it appended nothing because the session
   * is not open in the app, or the message counts against a chat link: the unit in a transaction handles those.
   */
  const appendInOneStatement = ({ appId, sessionId, draft }: Pending): Promise<QuickOutcome> =>
    core.writeStatement(async ({ db, messageNotificationOf, committed }) => {
      const notification = messageNotificationOf(appId, sessionId);
      if (!notification) return undefined;
      const { seq: _seq, ...row } = toRow(sessionId, { ...draft, seq: 0 });
      let inserted: { seq: number } | undefined;
      try {
        inserted = await firstRow(reserveAndInsert(db, { ...row, sessionId, appId, now: draft.createdAt, ...notification }));
      } catch (error) {
        // The clientId was sent before: the statement failed as a whole, its seq reservation with it.
        if (isClientIdConflict(error)) return NOT_APPENDED;
        throw error;
      }
      if (!inserted) return undefined;
      const message: Message = { ...draft, seq: inserted.seq };
      committed({ kind: 'message', appId, sessionId, seq: message.seq, message });
      return message;
    });

  /** PostgreSQL: as appendInOneStatement, for messages of several sessions, still in one statement. */
  const appendSeveralInOneStatement = async (batch: Pending[]): Promise<(QuickOutcome | Promise<QuickOutcome>)[]> => {
    const outcomes = await core.writeStatement(async ({ db, messageNotificationOf, committed }) => {
      const rows = [];
      for (const { appId, sessionId, draft } of batch) {
        const notification = messageNotificationOf(appId, sessionId);
        if (!notification) return undefined;
        const { seq: _seq, preview: _preview, ...row } = toRow(sessionId, { ...draft, seq: 0 });
        rows.push({ ...row, app_id: appId, ...notification });
      }
      let appended: Map<string, number>;
      try {
        appended = await appendSeveral(db, rows);
      } catch (error) {
        // One of them was sent before, or a transaction elsewhere locked two of its sessions the other way round: the
        // whole statement failed and reserved nothing. Each message goes alone then (one lock each).
        if (isClientIdConflict(error) || (error as { code?: unknown }).code === DEADLOCK_DETECTED) return undefined;
        throw error;
      }
      return batch.map(({ appId, sessionId, draft }) => {
        const seq = appended.get(draft.id);
        if (seq === undefined) return undefined;
        const message: Message = { ...draft, seq };
        committed({ kind: 'message', appId, sessionId, seq, message });
        return message;
      });
    });
    return outcomes ?? batch.map(appendInOneStatement);
  };

  // Under load many sends arrive in one event-loop turn: on PostgreSQL those of different sessions share a statement.
  const appendQuickly =
    engine === 'postgres' ? batchedPerTurn((pending: Pending) => pending.sessionId, appendInOneStatement, appendSeveralInOneStatement) : undefined;

  const readOneCatchUp = (read: { sessionId: string; after: number; limit: number }) => core.read(async (db) => (await oldestAfter(db, read)).rows);
  // One instance (SQLite) never wakes a stream without the message itself: nothing to batch there.
  const catchUp = engine === 'postgres' ? batchedCatchUp(readOneCatchUp, (reads) => core.read((db) => readCatchUps(db, reads))) : readOneCatchUp;

  /** The unit in a transaction, for every case: throws NOT_APPENDED or LINK_LIMIT_REACHED to roll its work back. */
  const appendWithin = async ({ trx, announce, announceInStatement }: WriteScope, { appId, sessionId, draft }: Pending): Promise<Message> => {
    const reserved = await firstRow(reserveSeq(trx, { sessionId, appId, now: draft.createdAt }));
    if (!reserved) throw NOT_APPENDED;
    const message: Message = { ...draft, seq: reserved.last_seq };
    const event = { kind: 'message' as const, appId, sessionId, seq: message.seq, message };
    const notification = announceInStatement(event);
    const row = toRow(sessionId, message);
    const inserted = await (notification ? insertAnnouncing(trx, { ...row, ...notification }) : insertUnlessSent(trx, row));
    if (inserted.numAffectedRows !== 1n) throw NOT_APPENDED;
    if (draft.author.role === 'visitor' && reserved.link_id !== null && (await countLinkedVisitorMessage(trx, sessionId, draft.createdAt)) === 'limit_reached') {
      throw LINK_LIMIT_REACHED;
    }
    if (!notification) await announce(event);
    return message;
  };

  const appendInTransaction = (pending: Pending): Promise<Settled> => core.write((scope) => appendWithin(scope, pending)).catch(settled);

  /**
   * SQLite: several messages in one transaction, so one commit (the largest cost of a message there), in the order
   * asked, a session's messages included. A message refused rolls the transaction back: it goes alone, the others
   * together again (a savepoint around every message would cost two statements each, and refusals are rare).
   */
  const appendSeveralInTransaction = async (batch: Pending[]): Promise<(Settled | Promise<Settled>)[]> => {
    let refused = -1;
    try {
      return await core.write(async (scope) => {
        const appended: Message[] = [];
        for (const [i, pending] of batch.entries()) {
          refused = i;
          appended.push(await appendWithin(scope, pending));
        }
        return appended;
      });
    } catch (error) {
      settled(error);
      const others = batch.filter((_, i) => i !== refused);
      const outcomes = others.length > 1 ? await appendSeveralInTransaction(others) : others.map(appendInTransaction);
      // The refused one last: it may have been refused for a message of its own turn (the same clientId twice).
      await Promise.allSettled(outcomes);
      outcomes.splice(refused, 0, appendInTransaction(batch[refused]!));
      return outcomes;
    }
  };

  // SQLite: the sends of one event-loop turn share a commit. PostgreSQL: those that need a transaction go alone.
  const appendTransacted =
    engine === 'sqlite' ? batchedPerTurn((pending: Pending) => pending.draft.id, appendInTransaction, appendSeveralInTransaction) : appendInTransaction;

  return {
    async append(appId, sessionId, draft) {
      const pending = { appId, sessionId, draft };
      const outcome = (appendQuickly && (await appendQuickly(pending))) ?? (await appendTransacted(pending));
      if (outcome === LINK_LIMIT_REACHED) return { kind: 'link_limit_reached' };
      if (outcome !== NOT_APPENDED) return { kind: 'created', message: outcome };
      const earlier = await findByClientId(sessionId, draft.author.role, draft.clientId);
      return earlier ? { kind: 'exists', message: earlier } : { kind: 'closed' };
    },
    findByClientId,
    oldest: (sessionId, window, limit) => core.read((db) => inWindow(db, sessionId, window, 'asc', limit)),
    newest: (sessionId, window, limit) => core.read(async (db) => (await inWindow(db, sessionId, window, 'desc', limit)).reverse()),
    catchUp: async (sessionId, after, limit) => (await catchUp({ sessionId, after, limit })).map(toMessage),
    latest: (sessionId) => core.read(async (db) => (await inWindow(db, sessionId, {}, 'desc', 1))[0]),
    findById: (sessionId, messageId) =>
      core.read(async (db) => {
        const row = await db.selectFrom('messages').selectAll().where('session_id', '=', sessionId).where('id', '=', messageId).executeTakeFirst();
        return row && toMessage(row);
      }),
    setPreview: (appId, sessionId, messageId, preview) =>
      core.write(async ({ trx, announce }) => {
        const row = await trx
          .updateTable('messages')
          .set({ preview: preview ? JSON.stringify(preview) : null })
          .where('session_id', '=', sessionId)
          .where('id', '=', messageId)
          .where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('app_id', '=', appId))
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await announce({ kind: 'preview', appId, sessionId, messageId, seq: row.seq });
        return toMessage(row);
      }),
  };
}

async function inWindow(
  db: Kysely<Tables>,
  sessionId: string,
  window: MessageWindow,
  order: 'asc' | 'desc',
  limit: number,
): Promise<Message[]> {
  // Streams catching up read "after, oldest first" on every wake-up that is not the very next message.
  if (window.after !== undefined && window.before === undefined && order === 'asc') {
    return (await oldestAfter(db, { sessionId, after: window.after, limit })).rows.map(toMessage);
  }
  let query = db.selectFrom('messages').selectAll().where('session_id', '=', sessionId);
  if (window.after !== undefined) query = query.where('seq', '>', window.after);
  if (window.before !== undefined) query = query.where('seq', '<', window.before);
  const rows = await query.orderBy('seq', order).limit(limit).execute();
  return rows.map(toMessage);
}

// The queries of every message sent, compiled once (see prepared-query.ts).

/**
 * Takes the session's row lock and reserves its next seq, if the session is open and in the app; its link says
 * whether a visitor message must be counted against a chat link.
 */
const reserveSeq = preparedQuery<{ sessionId: string; appId: string; now: string }, { last_seq: number; link_id: string | null }>((db, param) =>
  reservingSeq(db, param).returning(['last_seq', 'link_id']),
);

function reservingSeq(db: QueryCreator<Tables>, param: Param<{ sessionId: string; appId: string; now: string }>) {
  return db
    .updateTable('sessions')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: param('now') }))
    .where('id', '=', param('sessionId'))
    .where('app_id', '=', param('appId'))
    .where('status', '=', 'open');
}

/** Inserts the message unless its author role already sent its clientId in this session (0 rows affected then). */
const insertUnlessSent = preparedQuery<MessagesTable, never>((db, param) => insertMessage(db, param));

/** The same, and sends the bus notification for each row inserted (PostgreSQL). */
const insertAnnouncing = preparedQuery<MessagesTable & MessageNotification, never>((db, param) =>
  insertMessage(db, param).returning(notifyingHint(param).as('notified')),
);

/**
 * PostgreSQL (a data-modifying WITH): reserves the seq as reserveSeq does, unless the message counts against a chat
 * link, inserts the message with it and notifies its hint. No ON CONFLICT: a clientId sent before fails the whole
 * statement (unique violation), so no seq is reserved for nothing.
 */
const reserveAndInsert = preparedQuery<
  Omit<MessagesTable, 'seq'> & { sessionId: string; appId: string; now: string } & MessageNotification,
  { seq: number }
>(
  (db, param) =>
    db
      .with('reserved', (db) =>
        reservingSeq(db, param)
          .where((eb) => eb.or([eb('link_id', 'is', null), eb(eb.val(param('author_role')), '<>', 'visitor')]))
          .returning('last_seq'),
      )
      .insertInto('messages')
      .columns(['id', 'session_id', 'seq', 'client_id', 'author_role', 'author_name', 'kind', 'text', 'link', 'preview', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('reserved')
          .select((eb) => [
            eb.val(param('id')).as('id'),
            eb.val(param('session_id')).as('session_id'),
            'last_seq',
            eb.val(param('client_id')).as('client_id'),
            eb.val(param('author_role')).as('author_role'),
            eb.val(param('author_name')).as('author_name'),
            eb.val(param('kind')).as('kind'),
            eb.val(param('text')).as('text'),
            eb.val(param('link')).as('link'),
            eb.val(param('preview')).as('preview'),
            eb.val(param('created_at')).as('created_at'),
          ]),
      )
      .returning(['seq', notifyingHint(param).as('notified')]),
);

// pg_notify(channel, beforeSeq || seq || afterSeq) of the inserted row (see Bus.messageNotificationOf).
function notifyingHint(param: Param<MessageNotification>) {
  return sql<void>`pg_notify(${param('channel')}, cast(${param('beforeSeq')} as text) || cast(seq as text) || cast(${param('afterSeq')} as text))`;
}

/** PostgreSQL's unique violation on (session, author role, clientId). */
function isClientIdConflict(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'messages_by_client_id';
}

function insertMessage(db: Kysely<Tables>, param: Param<MessagesTable>) {
  return db
    .insertInto('messages')
    .values({
      id: param('id'),
      session_id: param('session_id'),
      seq: param('seq'),
      client_id: param('client_id'),
      author_role: param('author_role'),
      author_name: param('author_name'),
      kind: param('kind'),
      text: param('text'),
      link: param('link'),
      preview: param('preview'),
      created_at: param('created_at'),
    })
    .onConflict((conflict) => conflict.columns(['session_id', 'author_role', 'client_id']).where('client_id', 'is not', null).doNothing());
}

const byClientId = preparedQuery<{ sessionId: string; role: AuthorRole; clientId: string }, Selectable<MessagesTable>>((db, param) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('session_id', '=', param('sessionId'))
    .where('author_role', '=', param('role'))
    .where('client_id', '=', param('clientId')),
);

const oldestAfter = preparedQuery<{ sessionId: string; after: number; limit: number }, Selectable<MessagesTable>>((db, param) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('session_id', '=', param('sessionId'))
    .where('seq', '>', param('after'))
    .orderBy('seq', 'asc')
    .limit(param('limit')),
);

function toRow(sessionId: string, message: Message): MessagesTable {
  return {
    id: message.id,
    session_id: sessionId,
    seq: message.seq,
    client_id: message.clientId ?? null,
    author_role: message.author.role,
    author_name: message.author.name ?? null,
    kind: message.kind,
    text: message.text ?? null,
    link: message.link ? JSON.stringify(message.link) : null,
    preview: message.preview ? JSON.stringify(message.preview) : null,
    created_at: message.createdAt,
  };
}

function toMessage(row: Selectable<MessagesTable>): Message {
  const message: Message = {
    id: row.id,
    seq: row.seq,
    author: row.author_name === null ? { role: row.author_role } : { role: row.author_role, name: row.author_name },
    createdAt: row.created_at,
    kind: row.kind,
  };
  if (row.client_id !== null) message.clientId = row.client_id;
  if (row.text !== null) message.text = row.text;
  if (row.link !== null) message.link = JSON.parse(row.link) as LinkCard;
  if (row.preview !== null) message.preview = JSON.parse(row.preview) as LinkPreview;
  return message;
}
