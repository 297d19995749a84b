import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatchUps } from '../../server/store/batched-catch-up';
import { prepareOnEveryConnection, preparingPool } from '../../server/store/postgres/prepared-statements';
import { isStorageFailure } from '../../server/store/storage-failure';
import type { Tables } from '../../server/store/tables';
import { openTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_ENGINE } from './support/test-server';

describe.skipIf(TEST_ENGINE !== 'postgres')('statements prepared once per PostgreSQL connection', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.drop());

  const preparedOn = async (connection: Kysely<Tables>) =>
    (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(connection)).rows;

  it('prepares a batched statement once, whatever the size of its batch, and a query built on the fly not at all', async () => {
    await database.db.connection().execute(async (connection) => {
      await readCatchUps(connection, [{ sessionId: 's1', after: 0, limit: 5 }]);
      await readCatchUps(connection, ['s1', 's2', 's3'].map((sessionId) => ({ sessionId, after: 0, limit: 5 })));
      await connection.selectFrom('sessions').select('id').where('id', 'in', ['s1', 's2']).execute();
      const prepared = await preparedOn(connection);
      const catchUps = prepared.filter(({ statement }) => statement.includes('cross join lateral'));
      expect(catchUps).toHaveLength(1);
      // Named after its text, so the name means the same statement in every process (a pooler may share backends).
      expect(catchUps[0]!.name).toBe(`direct_chat_${createHash('sha256').update(catchUps[0]!.statement).digest('hex').slice(0, 32)}`);
      expect(prepared.filter(({ statement }) => statement.includes('"sessions"'))).toEqual([]);
    });
  });

  it('prepares a statement again, on a new connection, when a migration changed the columns it returns', async () => {
    const pool = new pg.Pool({ connectionString: database.databaseUrl, max: 1 });
    const preparing = preparingPool(pool);
    const run = async (text: string) => {
      const client = await preparing.connect();
      try {
        return await client.query<Record<string, unknown>>(text, []);
      } finally {
        client.release();
      }
    };
    try {
      await run('create table probe (a int)');
      await run('insert into probe values (1)');
      const read = 'select *, pg_backend_pid() as backend from probe';
      prepareOnEveryConnection(read);
      const before = (await run(read)).rows[0]!;
      await run('alter table probe add column b int');
      const refused = await run(read).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: '0A000' });
      // Answered as storage that is briefly unavailable: 503 with Retry-After, not 500.
      expect(isStorageFailure(refused)).toBe(true);
      const after = (await run(read)).rows[0]!;
      expect(after).toMatchObject({ a: 1, b: null });
      expect(after.backend).not.toBe(before.backend);
    } finally {
      await preparing.end();
    }
  });
});
