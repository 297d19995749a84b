import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { migrateToLatest } from '../../../server/store/migrations/migrations';
import { openPostgres } from '../../../server/store/postgres/open-postgres';
import { openSqlite } from '../../../server/store/sqlite/open-sqlite';
import type { Tables } from '../../../server/store/tables';
import { createTestDatabase, dropTestDatabase } from './postgres-databases';
import { TEST_ENGINE } from './test-server';

export interface TestDatabase {
  db: Kysely<Tables>;
  /** The database's URL on PostgreSQL; undefined on SQLite. */
  databaseUrl: string | undefined;
  /** Closes the database and deletes it. */
  drop(): Promise<void>;
}

/** An empty, migrated database of the engine under test, for tests of the store below the HTTP layer. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const scratch = mkdtempSync(join(tmpdir(), 'direct-chat-store-'));
  const databaseUrl = TEST_ENGINE === 'postgres' ? await createTestDatabase() : undefined;
  const db = databaseUrl ? openPostgres(databaseUrl).db : openSqlite(scratch);
  await migrateToLatest(db as Kysely<unknown>, TEST_ENGINE);
  return {
    db,
    databaseUrl,
    async drop() {
      await db.destroy();
      rmSync(scratch, { recursive: true, force: true });
      if (databaseUrl) await dropTestDatabase(databaseUrl);
    },
  };
}

/** The same database, counting every statement run through it (in `statements`, one entry each, as it finishes). */
export function countingStatements(db: Kysely<Tables>, statements: unknown[]): Kysely<Tables> {
  return db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements.push(args.queryId);
      return args.result;
    },
  });
}
