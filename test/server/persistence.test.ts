import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_TOKEN_FILE } from '../../server/auth/agent-token';
import { DATABASE_FILE } from '../../server/store/sqlite/open-sqlite';
import { call, newSession, newVisitor, sendText, signedIdentity } from './support/api-client';
import { startTestServer, TEST_ENGINE, type TestServer } from './support/test-server';

let server: TestServer;
afterAll(() => server.destroy());

describe('persistence', () => {
  it('keeps visitors, sessions, messages, used nonces and the agent token across a restart', async () => {
    server = await startTestServer({ agentToken: undefined });
    const identity = signedIdentity('persist-1', { name: 'Ada' });
    const visitor = await newVisitor(server.url, { identity });
    const sessionId = await newSession(server.url, visitor.visitorToken);
    for (const text of ['one', 'two', 'three']) await sendText(server.url, visitor.visitorToken, sessionId, text);
    const tokenFile = join(server.settings.dataDir, AGENT_TOKEN_FILE);
    expect(existsSync(tokenFile)).toBe(true);
    const agentToken = server.context.agentToken;
    expect(agentToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    server = await server.restart();

    expect(server.context.agentToken).toBe(agentToken);
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(agentToken);
    const resumed = await newVisitor(server.url, { token: visitor.visitorToken });
    expect(resumed.visitor).toEqual(visitor.visitor);
    const session = await call(server.url, `/api/apps/demo_app/sessions/${sessionId}`, { token: visitor.visitorToken });
    expect(session.body.session).toMatchObject({ id: sessionId, lastSeq: 3, status: 'open' });
    const page = await call(server.url, `/api/apps/demo_app/sessions/${sessionId}/messages`, { token: visitor.visitorToken });
    expect(page.body.messages.map((message: { text: string }) => message.text)).toEqual(['one', 'two', 'three']);
    expect((await sendText(server.url, visitor.visitorToken, sessionId, 'four')).body.message.seq).toBe(4);
    const replay = await newVisitor(server.url, { identity });
    expect(replay.identityError).toBe('replayed');
  });

  it.skipIf(TEST_ENGINE !== 'sqlite')('uses WAL journaling', async () => {
    const file = new BetterSqlite3(join(server.settings.dataDir, DATABASE_FILE), { readonly: true });
    try {
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      file.close();
    }
  });

  it('keeps the data directory private: 0700, its files 0600', async () => {
    const dir = server.settings.dataDir;
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toContain(AGENT_TOKEN_FILE);
    if (TEST_ENGINE === 'sqlite') expect(files).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`]));
    for (const name of files) expect([name, statSync(join(dir, name)).mode & 0o777]).toEqual([name, 0o600]);
  });
});
