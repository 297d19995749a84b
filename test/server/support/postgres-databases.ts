import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set for the `server-pg` test project: the throw-away cluster's admin URL. Unset, the tests run on SQLite. */
export const POSTGRES_ADMIN_URL = process.env.DIRECT_CHAT_TEST_POSTGRES_URL || undefined;
export const TEST_DATABASE_PREFIX = 'dc_test_';

async function admin<T>(work: (client: pg.Client) => Promise<T>, adminUrl = POSTGRES_ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test cluster; its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(8).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.startsWith(TEST_DATABASE_PREFIX)) throw new Error(`not a test database: ${name}`);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Drops the test databases an interrupted run left behind. */
export async function dropLeftoverTestDatabases(adminUrl: string): Promise<void> {
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }, adminUrl);
}
