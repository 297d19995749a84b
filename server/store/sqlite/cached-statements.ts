import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const MAX_CACHED = 200;

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused. The queries are a small fixed set (the
 * values travel as parameters), so a bounded cache by SQL text saves the parse on every call.
 */
export function cachedStatements(database: Database): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
