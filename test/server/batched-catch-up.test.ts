import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { batchedCatchUp, readCatchUps, type CatchUpRead } from '../../server/store/batched-catch-up';
import type { Tables } from '../../server/store/tables';
import { openTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_ENGINE } from './support/test-server';

describe(`live catch-up reads batched per event-loop turn on ${TEST_ENGINE}`, () => {
  let database: TestDatabase;
  let db: Kysely<Tables>;
  const SESSIONS = ['s1', 's2', 's3'];
  const TIME = '2026-01-01T00:00:00.000Z';

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await db
      .insertInto('visitors')
      .values({ id: 'v', app_id: 'app', token_hash: 'h', customer_id: null, display_name: null, locale: 'en', claims: '{}', vars: '{}', created_at: TIME, updated_at: TIME })
      .execute();
    for (const id of SESSIONS) {
      await db
        .insertInto('sessions')
        .values({ id, app_id: 'app', visitor_id: 'v', status: 'open', last_seq: 5, link_id: null, created_at: TIME, updated_at: TIME })
        .execute();
      // Inserted out of seq order: the reads must still give each session's oldest first.
      for (const seq of [3, 1, 5, 2, 4]) {
        await db
          .insertInto('messages')
          .values({ id: `${id}-m${seq}`, session_id: id, seq, client_id: null, author_role: 'visitor', author_name: null, kind: 'text', text: `${id} ${seq}`, link: null, preview: null, created_at: TIME })
          .execute();
      }
    }
  });
  afterAll(() => database?.drop());

  const seqs = (rows: { session_id: string; seq: number }[]) => rows.map((row) => `${row.session_id}:${row.seq}`);
  // The batched statement is PostgreSQL's (one SQLite instance has nothing to batch); the batching itself is checked
  // on both engines, over one plain read per session where that statement does not exist.
  const readOne = ({ sessionId, after, limit }: CatchUpRead) =>
    db.selectFrom('messages').selectAll().where('session_id', '=', sessionId).where('seq', '>', after).orderBy('seq').limit(limit).execute();
  const readMany = async (reads: CatchUpRead[]) =>
    TEST_ENGINE === 'postgres' ? readCatchUps(db, reads) : (await Promise.all(reads.map(readOne))).flat();

  it.skipIf(TEST_ENGINE !== 'postgres')('reads several sessions in one query, each after its own seq and within its own limit', async () => {
    const reads: CatchUpRead[] = [
      { sessionId: 's1', after: 0, limit: 2 },
      { sessionId: 's2', after: 3, limit: 50 },
      { sessionId: 's3', after: 5, limit: 50 },
    ];
    expect(seqs(await readCatchUps(db, reads))).toEqual(['s1:1', 's1:2', 's2:4', 's2:5']);
  });

  it('answers each read asked for in one turn with its own rows, the same session twice included', async () => {
    const one = vi.fn(readOne);
    const many = vi.fn(readMany);
    const read = batchedCatchUp(one, many);
    const answers = await Promise.all([
      read({ sessionId: 's1', after: 4, limit: 50 }),
      read({ sessionId: 's2', after: 0, limit: 3 }),
      read({ sessionId: 's1', after: 1, limit: 2 }),
      read({ sessionId: 'unknown', after: 0, limit: 50 }),
    ]);
    expect(answers.map(seqs)).toEqual([['s1:5'], ['s2:1', 's2:2', 's2:3'], ['s1:2', 's1:3'], []]);
    expect(many).toHaveBeenCalledTimes(1);
    expect(many.mock.calls[0]![0].map((one) => one.sessionId)).toEqual(['s1', 's2', 'unknown']);
    // The second read of s1 in that turn went alone; a read in a later turn goes alone too.
    expect(one).toHaveBeenCalledTimes(1);
    expect(seqs(await read({ sessionId: 's3', after: 3, limit: 50 }))).toEqual(['s3:4', 's3:5']);
    expect(one).toHaveBeenCalledTimes(2);
    expect(many).toHaveBeenCalledTimes(1);
  });

  it('passes a failing query on to every read of its turn', async () => {
    const failure = new Error('storage down');
    const read = batchedCatchUp(vi.fn(), () => Promise.reject(failure));
    const answers = Promise.allSettled([read({ sessionId: 's1', after: 0, limit: 1 }), read({ sessionId: 's2', after: 0, limit: 1 })]);
    expect((await answers).map((answer) => answer.status === 'rejected' && answer.reason)).toEqual([failure, failure]);
  });
});
