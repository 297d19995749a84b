import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentSessionListResponse } from '../../server/agent-wire';
import { agent, call, newSession, newVisitor, sendText, signedIdentity } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.destroy());

describe('agent API', () => {
  it('needs the agent token on every call, compared exactly', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Bearer ${'x'.repeat(500)}` }];
    for (const headers of attempts) {
      const answer = await call(server.url, '/api/agent/apps', { headers });
      expect([answer.status, answer.body.error.code]).toEqual([401, 'unauthorized']);
    }
    const apps = await agent(server.url, '/apps');
    expect(apps.body).toEqual({
      apps: [
        { appId: 'demo_app', name: 'Demo Shop', locales: ['en', 'de'] },
        { appId: 'partner_app', name: 'Partner', locales: ['fr'] },
      ],
    });
  });

  it('lists sessions by latest activity with the visitor and the last message, filtered by status', async () => {
    const fresh = await startTestServer();
    try {
      const ada = await newVisitor(fresh.url, { identity: signedIdentity('9', { name: 'Ada' }) });
      const guest = await newVisitor(fresh.url);
      const older = await newSession(fresh.url, ada.visitorToken);
      const newer = await newSession(fresh.url, guest.visitorToken);
      await sendText(fresh.url, guest.visitorToken, newer, 'hello');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await sendText(fresh.url, ada.visitorToken, older, 'bump');
      const all = await agent<AgentSessionListResponse>(fresh.url, '/apps/demo_app/sessions');
      expect(all.body.sessions.map((session) => session.id)).toEqual([older, newer]);
      expect(all.body.sessions[0]).toMatchObject({
        appId: 'demo_app',
        lastSeq: 1,
        visitor: { id: ada.visitor.id, verified: true, displayName: 'Ada', locale: 'en' },
        lastMessage: { seq: 1, text: 'bump' },
      });
      await agent(fresh.url, `/apps/demo_app/sessions/${newer}/close`, { method: 'POST' });
      const open = await agent<AgentSessionListResponse>(fresh.url, '/apps/demo_app/sessions?status=open');
      expect(open.body.sessions.map((session) => session.id)).toEqual([older]);
      const closed = await agent<AgentSessionListResponse>(fresh.url, '/apps/demo_app/sessions?status=closed');
      expect(closed.body.sessions.map((session) => session.id)).toEqual([newer]);
      expect((await agent(fresh.url, '/apps/demo_app/sessions?status=bogus')).status).toBe(400);
      expect((await agent(fresh.url, '/apps/nope/sessions')).body.error.code).toBe('app_not_found');
    } finally {
      await fresh.destroy();
    }
  });

  it('replies with text and link cards, idempotently, and pages the transcript', async () => {
    const visitor = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitor.visitorToken);
    const path = `/apps/demo_app/sessions/${sessionId}/messages`;
    const text = { clientId: 'agent-0000001', kind: 'text', text: 'How can I help?', authorName: 'Sam' };
    expect((await agent(server.url, path, { body: text })).status).toBe(201);
    expect((await agent(server.url, path, { body: text })).status).toBe(200);
    expect((await agent(server.url, path, { body: { ...text, text: 'changed' } })).status).toBe(409);
    // The author is part of the message: the same clientId and text under another name (or none) is another message.
    for (const other of [{ ...text, authorName: 'Kim' }, { clientId: text.clientId, kind: 'text', text: text.text }]) {
      const answer = await agent(server.url, path, { body: other });
      expect([answer.status, answer.body.error.code]).toEqual([409, 'conflict']);
    }
    const link = {
      clientId: 'agent-0000002',
      kind: 'link',
      link: { url: 'https://shop.example/o/1', title: 'Your order', imageUrl: 'https://shop.example/i.png', description: 'Shipped' },
    };
    const sent = await agent(server.url, path, { body: link });
    expect(sent.status).toBe(201);
    const plainHttp = { clientId: 'agent-0000003', kind: 'link', link: { url: 'http://intranet.example/o/1', title: 'Old shop' } };
    expect((await agent(server.url, path, { body: plainHttp })).status).toBe(201);
    expect(sent.body.message).toMatchObject({ seq: 2, kind: 'link', link: link.link, author: { role: 'agent' } });
    // A visitor's clientId space is separate from the agent's.
    expect((await sendText(server.url, visitor.visitorToken, sessionId, 'hi', 'agent-0000001')).status).toBe(201);
    const page = await agent(server.url, `${path}?after=1`);
    expect(page.body.messages.map((message: { seq: number }) => message.seq)).toEqual([2, 3, 4]);
  });

  it.each([
    ['javascript: URL', { url: 'javascript:alert(1)', title: 't' }],
    ['data: URL', { url: 'data:text/html,hi', title: 't' }],
    ['relative URL', { url: '/relative', title: 't' }],
    ['credentials in the URL', { url: 'https://user:pass@example.com', title: 't' }],
    ['javascript: image', { url: 'https://example.com', title: 't', imageUrl: 'javascript:alert(1)' }],
    ['plain http image (the page only loads https: images)', { url: 'https://example.com', title: 't', imageUrl: 'http://example.com/i.png' }],
    ['blank title', { url: 'https://example.com', title: '  ' }],
    ['unknown field', { url: 'https://example.com', title: 't', onclick: 'x' }],
  ])('rejects a link card with a %s (400)', async (_label, link) => {
    const sessionId = await newSession(server.url, (await newVisitor(server.url)).visitorToken);
    const answer = await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
      body: { clientId: 'agent-link-001', kind: 'link', link },
    });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('shows one session with the visitor’s details, closes it idempotently, and refuses typing afterwards', async () => {
    const visitor = await newVisitor(server.url, {
      identity: signedIdentity('55', { name: 'Ada', email: 'ada@example.com' }),
      vars: { campaign: 'x' },
    });
    const sessionId = await newSession(server.url, visitor.visitorToken);
    const detail = await agent(server.url, `/apps/demo_app/sessions/${sessionId}`);
    expect(detail.body.visitor).toMatchObject({
      id: visitor.visitor.id,
      verified: true,
      customerId: '55',
      displayName: 'Ada',
      claims: { name: 'Ada', email: 'ada@example.com' },
      vars: { campaign: 'x' },
      locale: 'en',
    });
    expect(detail.body.session).toMatchObject({ id: sessionId, status: 'open' });
    expect((await agent(server.url, `/apps/demo_app/sessions/${sessionId}/typing`, { body: { typing: true } })).status).toBe(204);
    for (let i = 0; i < 2; i++) {
      const closed = await agent(server.url, `/apps/demo_app/sessions/${sessionId}/close`, { method: 'POST' });
      expect([closed.status, closed.body.session.status]).toEqual([200, 'closed']);
    }
    const typing = await agent(server.url, `/apps/demo_app/sessions/${sessionId}/typing`, { body: { typing: false } });
    expect(typing.body.error.code).toBe('session_closed');
    expect((await agent(server.url, '/apps/demo_app/sessions/s_missing0000000000000')).body.error.code).toBe('session_not_found');
  });
});
