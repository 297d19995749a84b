import { chmodSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Tables } from '../tables';
import { ImmediateSqliteDialect } from './immediate-sqlite-dialect';
import { cachedStatements } from './cached-statements';

export const DATABASE_FILE = 'direct-chat.sqlite';

/**
 * The embedded database in `<dataDir>/direct-chat.sqlite` (WAL), in a directory that exists. The file is 0600;
 * SQLite gives its -wal and -shm files the database file's mode, so they are private too.
 */
export function openSqlite(dataDir: string): Kysely<Tables> {
  const file = join(dataDir, DATABASE_FILE);
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: cachedStatements(database) }) });
}
