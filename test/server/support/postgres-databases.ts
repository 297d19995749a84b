import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set for the `server-pg` test project: the throw-away cluster's admin URL. Unset, the tests run on SQLite. */
export const POSTGRES_ADMIN_URL = process.env.DIRECT_CHAT_TEST_POSTGRES_URL || undefined;
export const TEST_DATABASE_PREFIX = 'dc_test_';
// Other checkouts may run the suite on the same cluster at the same time: only databases this old are leftovers.
const LEFTOVER_AFTER_SECONDS = 3 * 3600;

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
  // The creation time in the name tells a leftover from a database another run is using right now.
  const name = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
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

/** Drops the test databases an interrupted run left behind, hours ago (never those of a run going on now). */
export async function dropLeftoverTestDatabases(adminUrl: string): Promise<void> {
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'dc\\_test\\_%' OR datname LIKE 'dc\\_e2e\\_%'",
    );
    const cutoff = Date.now() / 1000 - LEFTOVER_AFTER_SECONDS;
    for (const { datname } of rows) {
      const created = Number(/^dc_(?:test|e2e)_(\d+)_/.exec(datname)?.[1] ?? 0);
      if (created < cutoff) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  }, adminUrl);
}
