import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { firstRow, preparedQuery } from '../../server/store/prepared-query';
import type { SessionsTable, Tables } from '../../server/store/tables';
import { openTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_ENGINE } from './support/test-server';

describe(`preparedQuery on ${TEST_ENGINE}`, () => {
  let database: TestDatabase;
  let db: Kysely<Tables>;
  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
  });
  afterAll(() => database?.drop());

  const session = (id: string, visitorId: string, status: SessionsTable['status']): SessionsTable => ({
    id,
    app_id: 'app',
    visitor_id: visitorId,
    status,
    last_seq: 0,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    link_id: null,
  });

  it('builds and compiles once, and answers each call with its own values, inside transactions too', async () => {
    const visitor = (id: string) => ({
      ...{ id, app_id: 'app', token_hash: `hash-${id}`, customer_id: null, display_name: null, locale: 'en' },
      ...{ claims: '{}', vars: '{}', created_at: '', updated_at: '' },
    });
    await db.insertInto('visitors').values([visitor('v1'), visitor('v2')]).execute();
    await db
      .insertInto('sessions')
      .values([session('s1', 'v1', 'open'), session('s2', 'v2', 'open'), session('s3', 'v1', 'closed')])
      .execute();
    const build = vi.fn((kysely: Kysely<Tables>, param) =>
      kysely
        .updateTable('sessions')
        .set((eb) => ({ last_seq: eb('last_seq', '+', 1), updated_at: param('now') }))
        .where('id', '=', param('id'))
        .where('status', '=', 'open')
        .returning(['id', 'last_seq', 'updated_at']),
    );
    const bump = preparedQuery<{ id: string; now: string }, { id: string; last_seq: number; updated_at: string }>(build);

    expect(await firstRow(bump(db, { id: 's1', now: 'first' }))).toEqual({ id: 's1', last_seq: 1, updated_at: 'first' });
    expect(await firstRow(bump(db, { id: 's2', now: 'second' }))).toEqual({ id: 's2', last_seq: 1, updated_at: 'second' });
    const inside = await db.transaction().execute((trx) => firstRow(bump(trx, { id: 's1', now: 'third' })));
    expect(inside).toEqual({ id: 's1', last_seq: 2, updated_at: 'third' });
    // The query's own constant ('open') stays in place: the closed session is not touched.
    expect(await firstRow(bump(db, { id: 's3', now: 'fourth' }))).toBeUndefined();
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('passes null values as parameters', async () => {
    const insert = preparedQuery<{ key: string; preview: string | null }, never>((kysely, param) =>
      kysely.insertInto('preview_cache').values({ key: param('key'), preview: param('preview'), failure: null, expires_at: 'never' }),
    );
    await insert(db, { key: 'a', preview: null });
    await insert(db, { key: 'b', preview: '{}' });
    const rows = await db.selectFrom('preview_cache').select(['key', 'preview']).orderBy('key').execute();
    expect(rows).toEqual([
      { key: 'a', preview: null },
      { key: 'b', preview: '{}' },
    ]);
  });

  it('refuses a value that the query would write into its SQL text instead of a parameter', async () => {
    const inlined = preparedQuery<{ id: string }, { id: string }>((kysely, param) =>
      kysely.selectFrom('sessions').select('id').where('id', '=', sql.lit(param('id'))),
    );
    await expect(inlined(db, { id: 's1' })).rejects.toThrow(/id is not a parameter/);
  });
});
