import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/db/open-database';
import { call, newSession, newVisitor, sendText } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

// Another process on the same database file, played by a second connection that writes at the worst moment: after
// the server's transaction has read, before it writes. With a deferred transaction the server's write then fails
// with SQLITE_BUSY_SNAPSHOT (a 500); an immediate one holds the write lock from the start, so the other writer waits.
let server: TestServer;
let other: Database;
beforeAll(async () => {
  server = await startTestServer();
  other = new BetterSqlite3(join(server.settings.dataDir, DATABASE_FILE));
  other.pragma('busy_timeout = 0');
});
afterAll(async () => {
  other.close();
  await server.destroy();
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

/** Runs `writeFromOtherProcess` right after the given query method of the server's has read. */
function afterRead<T extends object, K extends keyof T>(queries: T, method: K, outcomes: string[]): () => void {
  const original = queries[method] as (...args: unknown[]) => unknown;
  queries[method] = ((...args: unknown[]) => {
    const result = original(...args);
    outcomes.push(writeFromOtherProcess());
    return result;
  }) as T[K];
  return () => {
    queries[method] = original as T[K];
  };
}

describe('two processes on one database file', () => {
  it('appends a message while another process writes (immediate transaction)', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const outcomes: string[] = [];
    const restore = afterRead(server.context.messages, 'findByClientId', outcomes);
    try {
      const sent = await sendText(server.url, visitorToken, sessionId, 'hello');
      expect(sent.status).toBe(201);
    } finally {
      restore();
    }
    expect(outcomes).toEqual(['SQLITE_BUSY']);
    expect(writeFromOtherProcess()).toBe('written');
  });

  it('resumes a visitor while another process writes (immediate transaction)', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const outcomes: string[] = [];
    const restore = afterRead(server.context.visitors, 'findByTokenHash', outcomes);
    try {
      const resumed = await call(server.url, '/api/apps/demo_app/visitors', { token: visitorToken, body: { locale: 'de' } });
      expect(resumed.status).toBe(200);
    } finally {
      restore();
    }
    expect(outcomes).toEqual(['SQLITE_BUSY']);
  });
});
