import { sql, type Kysely } from 'kysely';
import type { MessageNotification } from '../../bus/bus';
import { preparedQuery } from '../prepared-query';
import type { MessagesTable, Tables } from '../tables';

/** A message of another session than every other one of its batch, with its app and its bus notification. */
export type SeveralRow = Omit<MessagesTable, 'seq' | 'preview'> & { app_id: string } & MessageNotification;

/**
 * PostgreSQL: appends messages of different sessions in ONE statement, as the one-message statement does for each
 * (message-store.ts reserveAndInsert): the session's seq reserved if the session is open in the app and the message
 * does not count against a chat link, the message inserted with it, its hint notified. The sessions are locked in id
 * order (with the lock an UPDATE takes), so two batches never wait for each other's locks in a cycle. A clientId sent
 * before fails the whole statement (unique violation) and reserves nothing. Returns the seqs appended, by message id.
 */
export async function appendSeveral(db: Kysely<Tables>, rows: SeveralRow[]): Promise<Map<string, number>> {
  const column = <K extends keyof SeveralRow>(key: K) => rows.map((row) => row[key]);
  const { rows: inserted } = await appendSeveralStatement(db, {
    ids: column('id'),
    sessionIds: column('session_id'),
    appIds: column('app_id'),
    clientIds: column('client_id'),
    authorRoles: column('author_role'),
    authorNames: column('author_name'),
    kinds: column('kind'),
    texts: column('text'),
    links: column('link'),
    createdAts: column('created_at'),
    beforeSeqs: column('beforeSeq'),
    afterSeqs: column('afterSeq'),
    channel: rows[0]!.channel,
  });
  return new Map(inserted.map((row) => [row.id, row.seq]));
}

type Columns =
  | 'ids' | 'sessionIds' | 'appIds' | 'clientIds' | 'authorRoles' | 'authorNames' | 'kinds' | 'texts' | 'links' | 'createdAts'
  | 'beforeSeqs' | 'afterSeqs';
type Values = { [K in Columns]: (string | null)[] } & { channel: string };

// The messages travel as one array per column, so a batch of any size is the same prepared statement.
const appendSeveralStatement = preparedQuery<Values, { id: string; seq: number }>(
  (_db, param) => sql`
    with w as (
      select * from unnest(
        ${param('ids')}::text[], ${param('sessionIds')}::text[], ${param('appIds')}::text[], ${param('clientIds')}::text[],
        ${param('authorRoles')}::text[], ${param('authorNames')}::text[], ${param('kinds')}::text[], ${param('texts')}::text[],
        ${param('links')}::text[], ${param('createdAts')}::text[], ${param('beforeSeqs')}::text[], ${param('afterSeqs')}::text[]
      ) as w(id, session_id, app_id, client_id, author_role, author_name, kind, text, link, created_at, before_seq, after_seq)
    ),
    locked as materialized (
      select sessions.id from sessions join w on sessions.id = w.session_id and sessions.app_id = w.app_id
      where sessions.status = 'open' and (sessions.link_id is null or w.author_role <> 'visitor')
      order by sessions.id
      for no key update of sessions
    ),
    reserved as (
      update sessions set last_seq = sessions.last_seq + 1, updated_at = w.created_at
      from locked join w on w.session_id = locked.id
      where sessions.id = locked.id
      returning sessions.id, sessions.last_seq
    ),
    inserted as (
      insert into messages (id, session_id, seq, client_id, author_role, author_name, kind, text, link, preview, created_at)
      select w.id, w.session_id, reserved.last_seq, w.client_id, w.author_role, w.author_name, w.kind, w.text, w.link, null, w.created_at
      from w join reserved on reserved.id = w.session_id
      returning id, seq
    )
    select inserted.id, inserted.seq, pg_notify(${param('channel')}, w.before_seq || cast(inserted.seq as text) || w.after_seq) as notified
    from inserted join w on w.id = inserted.id`,
);
