import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, call, clientId, newSession, newVisitor, sendText, signedIdentity } from './support/api-client';
import { dataOf, isEvent, openEventStream } from './support/event-stream';
import { captureLog, type CapturedLog } from './support/captured-log';
import { AGENT_TOKEN, DEMO_SECRET, startTestServer, type TestServer } from './support/test-server';

// Structured logs: one JSON line per request with its id, and nothing a reader of the logs must not see.
let server: TestServer;
let log: CapturedLog;
beforeAll(async () => {
  log = captureLog();
  server = await startTestServer({ logLevel: 'trace' }, { logDestination: log.stream });
});
afterAll(() => server.destroy());

describe('request logs', () => {
  it('log every request once with the id also returned as X-Request-Id, never the query', async () => {
    const answer = await call(server.url, '/api/apps/demo_app/config?locale=de&sbs=customer-in-query');
    const requestId = answer.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => log.lines().filter((line) => line.reqId === requestId)).toHaveLength(1);
    const line = log.lines().find((entry) => entry.reqId === requestId)!;
    expect(line).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/api/apps/demo_app/config', status: 200 });
    expect(line.ms).toEqual(expect.any(Number));
    expect(log.text()).not.toContain('customer-in-query');
  });

  it('give event streams and static answers a request id too', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const stream = await openEventStream(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
      authorization: `Bearer ${visitorToken}`,
    });
    expect(stream.headers.get('x-request-id')).toBeTruthy();
    stream.close();
    const page = await call(server.url, '/direct/demo_app');
    expect(page.headers.get('x-request-id')).toBeTruthy();
  });

  it('never contain a token, a secret, identity or message text, through a whole conversation', async () => {
    const secrets: string[] = [AGENT_TOKEN, DEMO_SECRET];
    const identity = signedIdentity('customer-7781', { name: 'Ada Secretname', email: 'ada.private@example.com', phone: '+44 7700 900123' });
    secrets.push(identity.sbs_mm, identity.ranstr, 'customer-7781', 'Ada Secretname', 'ada.private@example.com', '+44 7700 900123');
    const visitor = await newVisitor(server.url, { identity, vars: { campaign: 'campaign-value-314' } });
    secrets.push(visitor.visitorToken, 'campaign-value-314');
    const sessionId = await newSession(server.url, visitor.visitorToken);
    const stream = await openEventStream(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
      authorization: `Bearer ${visitor.visitorToken}`,
    });
    const visitorText = 'my card number is 4111 1111 1111 1111';
    const agentText = 'agent reply with a private detail 55';
    expect((await sendText(server.url, visitor.visitorToken, sessionId, visitorText)).status).toBe(201);
    const reply = await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
      body: { clientId: clientId(), kind: 'text', text: agentText, authorName: 'Agent Privatename' },
    });
    expect(reply.status).toBe(201);
    secrets.push(visitorText, agentText, 'Agent Privatename');
    expect(dataOf<{ text: string }>(await stream.next(isEvent('message'))).text).toBe(visitorText);
    stream.close();
    // Failures log too: a bad body that echoes a secret, a forged token, an unknown app.
    await call(server.url, `/api/apps/demo_app/sessions/${sessionId}/messages`, {
      token: visitor.visitorToken,
      body: { clientId: clientId(), text: visitorText, extra: visitorText },
    });
    await call(server.url, '/api/agent/apps', { token: 'forged-agent-token-that-is-long' });
    secrets.push('forged-agent-token-that-is-long');

    await expect.poll(() => log.lines().filter((line) => line.msg === 'request').length).toBeGreaterThan(6);
    const text = log.text();
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
  });

  it('log bad input as requests, never as errors (no 500, no stack)', async () => {
    const before = log.lines().length;
    await call(server.url, '/api/apps/demo_app/visitors', { body: '{"locale":' });
    await call(server.url, '/api/apps/demo_app/visitors', { body: '["en"]' });
    await call(server.url, '/api/apps/%E0%A4%A/config');
    await call(server.url, '/api/apps/demo_app/visitors', { method: 'PUT', body: '{}' });
    await expect.poll(() => log.lines().length).toBeGreaterThanOrEqual(before + 4);
    const added = log.lines().slice(before);
    expect(added.filter((line) => line.level >= 50)).toEqual([]);
    expect(added.map((line) => line.status).sort()).toEqual([400, 400, 400, 405]);
  });
});
