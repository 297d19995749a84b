import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from '../tables';
import { preparingPool } from './prepared-statements';

const POOL_SIZE = 20;

/** A connection pool on DATABASE_URL (postgres://user:password@host:port/database). */
export function openPostgres(databaseUrl: string): { db: Kysely<Tables>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_SIZE, connectionTimeoutMillis: 5000 });
  // A client that loses its connection (the server restarts, a failover, pg_terminate_backend) emits 'error': while
  // idle through the pool, while checked out on the client itself. Unheard, either would end the process; the query
  // that needed it fails on its own (StorageUnavailableError) and the pool replaces the client.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) }), pool };
}
