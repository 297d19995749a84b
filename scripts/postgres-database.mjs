// A new, empty database on a PostgreSQL cluster (for the benchmark and the two-instance e2e run); returns its URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function createFreshDatabase(adminUrl, prefix) {
  // The creation time in the name lets a later run tell a leftover from a database in use.
  const name = `${prefix}${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
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
