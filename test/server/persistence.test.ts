import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENT_TOKEN_FILE } from '../../server/auth/agent-token';
import { call, newSession, newVisitor, sendText, signedIdentity } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

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

  it('uses WAL journaling', async () => {
    const mode = server.context.db.pragma('journal_mode', { simple: true });
    expect(mode).toBe('wal');
  });
});
