import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionListResponse } from '../../src/api/wire';
import { call, newSession, newVisitor, sendText, signedIdentity } from './support/api-client';
import { openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.destroy());

const sessionPath = (id: string) => `/api/apps/demo_app/sessions/${id}`;

describe('session ownership', () => {
  it('answers 404 session_not_found to another visitor, exactly as for a missing session', async () => {
    const owner = await newVisitor(server.url);
    const stranger = await newVisitor(server.url);
    const sessionId = await newSession(server.url, owner.visitorToken);
    await sendText(server.url, owner.visitorToken, sessionId, 'private');

    const notYours = await call(server.url, sessionPath(sessionId), { token: stranger.visitorToken });
    const missing = await call(server.url, sessionPath('s_doesNotExist0000000000'), { token: stranger.visitorToken });
    expect(notYours.status).toBe(404);
    expect(notYours.body).toEqual(missing.body);
    expect(notYours.body.error.code).toBe('session_not_found');

    for (const [path, method] of [
      [`${sessionPath(sessionId)}/messages`, 'GET'],
      [`${sessionPath(sessionId)}/messages`, 'POST'],
      [`${sessionPath(sessionId)}/events`, 'GET'],
    ] as const) {
      const body = method === 'POST' ? { clientId: 'stranger-0001', text: 'hi' } : undefined;
      const answer = await call(server.url, path, { method, token: stranger.visitorToken, body });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'session_not_found']);
    }
    expect((await call(server.url, sessionPath(sessionId), { token: owner.visitorToken })).status).toBe(200);
  });

  it('lets the same verified customer open the session on another device', async () => {
    const laptop = await newVisitor(server.url, { identity: signedIdentity('c-1', { name: 'Ada' }) });
    const sessionId = await newSession(server.url, laptop.visitorToken);
    await sendText(server.url, laptop.visitorToken, sessionId, 'from the laptop');

    const phone = await newVisitor(server.url, { identity: signedIdentity('c-1') });
    expect(phone.visitorToken).not.toBe(laptop.visitorToken);
    expect((await call(server.url, sessionPath(sessionId), { token: phone.visitorToken })).status).toBe(200);
    const page = await call(server.url, `${sessionPath(sessionId)}/messages`, { token: phone.visitorToken });
    expect(page.body.messages.map((m: { text: string }) => m.text)).toEqual(['from the laptop']);
    expect((await sendText(server.url, phone.visitorToken, sessionId, 'from the phone')).status).toBe(201);
    const list = await call<SessionListResponse>(server.url, '/api/apps/demo_app/sessions', { token: phone.visitorToken });
    expect(list.body.sessions.map((session) => session.id)).toContain(sessionId);

    const stream = await openEventStream(`${server.url}${sessionPath(sessionId)}/events`, {
      authorization: `Bearer ${phone.visitorToken}`,
    });
    expect(stream.status).toBe(200);
    stream.close();
  });

  it('does not share sessions between a guest and a verified customer, or between guests', async () => {
    const customer = await newVisitor(server.url, { identity: signedIdentity('c-2') });
    const sessionId = await newSession(server.url, customer.visitorToken);
    const guest = await newVisitor(server.url);
    expect((await call(server.url, sessionPath(sessionId), { token: guest.visitorToken })).status).toBe(404);
    const guestSession = await newSession(server.url, guest.visitorToken);
    expect((await call(server.url, sessionPath(guestSession), { token: customer.visitorToken })).status).toBe(404);
  });

  it('lists only the visitor’s own sessions, newest first', async () => {
    const visitor = await newVisitor(server.url);
    const first = await newSession(server.url, visitor.visitorToken);
    await sendText(server.url, visitor.visitorToken, first, 'hello');
    const second = await newSession(server.url, visitor.visitorToken);
    await newSession(server.url, (await newVisitor(server.url)).visitorToken);
    const list = await call<SessionListResponse>(server.url, '/api/apps/demo_app/sessions', { token: visitor.visitorToken });
    expect(list.body.sessions.map((session) => session.id)).toEqual([second, first]);
    expect(list.body.sessions[0]).toMatchObject({ status: 'open', lastSeq: 0 });
  });

  it('keeps a session inside its app', async () => {
    const visitor = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitor.visitorToken);
    const partner = await newVisitor(server.url, { appId: 'partner_app' });
    const answer = await call(server.url, `/api/apps/partner_app/sessions/${sessionId}`, { token: partner.visitorToken });
    expect(answer.status).toBe(404);
  });

  it('answers 401 unauthorized without a valid visitor token', async () => {
    const visitor = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitor.visitorToken);
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${visitor.visitorToken}` }];
    for (const headers of attempts) {
      for (const path of ['/api/apps/demo_app/sessions', sessionPath(sessionId), `${sessionPath(sessionId)}/messages`]) {
        const answer = await call(server.url, path, { headers });
        expect(answer.status).toBe(401);
        expect(answer.body.error.code).toBe('unauthorized');
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
  });
});
