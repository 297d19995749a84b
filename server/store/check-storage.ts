import { accessSync, constants, mkdirSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { StorageStartupError } from './storage-startup-error';
import type { Tables } from './tables';

/**
 * Start-up: the data directory (the SQLite file, the generated agent token) exists, created 0700, and this process may
 * write there; `open` runs the first use of it. Otherwise a message that says what to fix.
 */
export function prepareDataDirectory(dataDir: string, open: () => void = () => {}): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK);
    open();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StorageStartupError(
      `Cannot write to the data directory ${dataDir} (${code}): give the server's user write access to it, or set ` +
        'DIRECT_CHAT_DATA_DIR to a directory it may write.',
      { cause: error },
    );
  }
}

/** Start-up: PostgreSQL answers and takes writes (a read-only standby would fail every send later). */
export async function checkPostgres(db: Kysely<Tables>, databaseUrl: string): Promise<void> {
  let readOnly: string | undefined;
  try {
    const result = await sql<{ transaction_read_only: string }>`show transaction_read_only`.execute(db);
    readOnly = result.rows[0]?.transaction_read_only;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StorageStartupError(
      `Cannot connect to PostgreSQL at ${redactedUrl(databaseUrl)} (${reason}): start it, or fix DATABASE_URL ` +
        '(postgres://user:password@host:port/database).',
      { cause: error },
    );
  }
  if (readOnly === 'on') {
    throw new StorageStartupError(
      `PostgreSQL at ${redactedUrl(databaseUrl)} is read-only (a standby?): point DATABASE_URL at the primary.`,
    );
  }
}

/** The URL without its password, for messages. */
export function redactedUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    url.password = '';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
