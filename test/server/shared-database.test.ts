import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/sqlite/open-sqlite';
import { hashVisitorToken } from '../../server/auth/visitor-token';
import { newSession, newVisitor, sendText } from './support/api-client';
import { startTestServer, TEST_ENGINE, type TestServer } from './support/test-server';

// Another process on the same SQLite file, played by a second connection that writes at the worst moment: after
// the server's unit of work has read, before it writes. With a deferred transaction the server's write then fails
// with SQLITE_BUSY_SNAPSHOT (a 500); an immediate one holds the write lock from the start, so the other writer waits.
// (On PostgreSQL the same guarantee comes from row locks: see test/server/postgres/.)
describe.skipIf(TEST_ENGINE !== 'sqlite')('two processes on one database file', () => {
  let server: TestServer;
  let other: Database;
  beforeAll(async () => {
    server = await startTestServer();
    other = new BetterSqlite3(join(server.settings.dataDir, DATABASE_FILE));
    other.pragma('busy_timeout = 0');
  });
  afterAll(async () => {
    other?.close();
    await server?.destroy();
  });

  let nonce = 0;
  /** A write by the other connection; answers what happened to it. */
  function writeFromOtherProcess(): string {
    try {
      other.prepare('INSERT INTO used_nonces (app_id, sbs, ranstr, used_at) VALUES (?, ?, ?, ?)').run('other', 'x', `n${nonce++}`, '');
      return 'written';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  it('appends a message while another process writes (immediate transaction)', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const outcomes: string[] = [];
    const bus = server.context.bus;
    const announceWithin = bus.announceWithin;
    // Runs inside the append's transaction.
    bus.announceWithin = async (...args) => {
      outcomes.push(writeFromOtherProcess());
      return announceWithin(...args);
    };
    try {
      const sent = await sendText(server.url, visitorToken, sessionId, 'hello');
      expect(sent.status).toBe(201);
    } finally {
      bus.announceWithin = announceWithin;
    }
    expect(outcomes).toEqual(['SQLITE_BUSY']);
    expect(writeFromOtherProcess()).toBe('written');
  });

  it('resumes a visitor while another process writes (immediate transaction)', async () => {
    const { visitorToken, visitor } = await newVisitor(server.url);
    const outcomes: string[] = [];
    const resumed = await server.context.store.visitors.resolve(
      { appId: 'demo_app', tokenHash: hashVisitorToken(visitorToken) },
      ({ current }) => {
        // The unit has read the visitor; now the other process tries to write before the unit does.
        outcomes.push(writeFromOtherProcess());
        return { write: { update: { ...current!, locale: 'de', updatedAt: new Date().toISOString() } }, result: current!.id };
      },
    );
    expect(resumed).toBe(visitor.id);
    expect(outcomes).toEqual(['SQLITE_BUSY']);
    expect((await server.context.store.visitors.findById(visitor.id))!.locale).toBe('de');
  });

  it('answers 503 storage_unavailable with Retry-After when the database stays locked past busy_timeout', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const sent = await sendText(server.url, visitorToken, sessionId, 'while locked');
      expect([sent.status, sent.body.error.code, sent.headers.get('retry-after')]).toEqual([503, 'storage_unavailable', '5']);
    } finally {
      other.exec('ROLLBACK');
    }
    expect((await sendText(server.url, visitorToken, sessionId, 'after the lock')).status).toBe(201);
  }, 20_000);
});
