// A new, empty database on a PostgreSQL cluster (for the benchmark and the two-instance e2e run); returns its URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function createFreshDatabase(adminUrl, prefix) {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
