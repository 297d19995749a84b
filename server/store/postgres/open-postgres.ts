import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from '../tables';

const POOL_SIZE = 20;

/** A connection pool on DATABASE_URL (postgres://user:password@host:port/database). */
export function openPostgres(databaseUrl: string): { db: Kysely<Tables>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 5000 });
  // An idle client that loses its connection reports here; without a listener the process would exit.
  pool.on('error', () => {});
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), pool };
}
