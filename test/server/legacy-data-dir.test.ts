import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hashVisitorToken, newVisitorToken } from '../../server/auth/visitor-token';
import { MIGRATION_NAMES } from '../../server/store/migrations/migrations';
import { DATABASE_FILE } from '../../server/store/sqlite/open-sqlite';
import { call, sendText } from './support/api-client';
import { startTestServer, TEST_ENGINE, testSettings, type TestServer } from './support/test-server';

// A data directory written by the server before versioned migrations: its schema is `PRAGMA user_version = 1`.
const LEGACY_SCHEMA = readFileSync(resolve(__dirname, 'fixtures/legacy-schema-v1.sql'), 'utf8');

describe.skipIf(TEST_ENGINE !== 'sqlite')('an existing embedded database from before versioned migrations', () => {
  let server: TestServer | undefined;
  let scratch = '';
  afterAll(async () => {
    await server?.destroy();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('is migrated in place and keeps serving its conversations', async () => {
    const { settings, scratch: legacyScratch } = await testSettings();
    scratch = legacyScratch;
    mkdirSync(settings.dataDir, { recursive: true });
    const token = newVisitorToken();
    const legacy = new BetterSqlite3(join(settings.dataDir, DATABASE_FILE));
    legacy.exec(LEGACY_SCHEMA);
    legacy.pragma('user_version = 1');
    const at = '2026-01-02T03:04:05.000Z';
    legacy
      .prepare(`INSERT INTO visitors VALUES ('v_old', 'demo_app', ?, NULL, NULL, 'en', '{}', '{}', ?, ?)`)
      .run(hashVisitorToken(token), at, at);
    legacy.prepare(`INSERT INTO sessions VALUES ('s_old', 'demo_app', 'v_old', 'open', 1, ?, ?)`).run(at, at);
    legacy
      .prepare(`INSERT INTO messages VALUES ('m_old', 's_old', 1, 'c-old', 'visitor', NULL, 'text', 'from before', NULL, ?)`)
      .run(at);
    legacy.close();

    server = await startTestServer({ dataDir: settings.dataDir });
    const page = await call(server.url, '/api/apps/demo_app/sessions/s_old/messages', { token });
    expect(page.status).toBe(200);
    expect(page.body.messages.map((message: { seq: number; text: string }) => [message.seq, message.text])).toEqual([[1, 'from before']]);
    expect((await sendText(server.url, token, 's_old', 'after the upgrade')).body.message.seq).toBe(2);

    const file = new BetterSqlite3(join(settings.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const applied = file.prepare('SELECT name FROM kysely_migration ORDER BY name').all();
      expect(applied).toEqual(MIGRATION_NAMES.map((name) => ({ name })));
    } finally {
      file.close();
    }
  });
});
