import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentCredentialResponse } from '../../server/agent-wire';
import { agent, call, clientId, newSession, newVisitor, sendText } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.destroy());

async function createAgent(body: object, token?: string): Promise<AgentCredentialResponse> {
  const answer = await agent<AgentCredentialResponse>(server.url, '/agents', { body, ...(token ? { token } : {}) });
  if (answer.status !== 201) throw new Error(`create agent: ${answer.status} ${answer.text}`);
  return answer.body;
}

describe('agent accounts', () => {
  it('scopes an agent to its apps: every other app is 404, including in its app list', async () => {
    const { agent: account, token } = await createAgent({ name: 'ana', displayName: 'Ana', role: 'agent', apps: ['demo_app'] });
    expect(account).toMatchObject({ name: 'ana', displayName: 'Ana', role: 'agent', apps: ['demo_app'], disabled: false });
    expect(token).toMatch(/^dca_/);

    expect((await agent(server.url, '/apps', { token })).body).toEqual({ apps: [{ appId: 'demo_app', name: 'Demo Shop', locales: ['en', 'de'] }] });
    expect((await agent(server.url, '/me', { token })).body.agent).toMatchObject({ name: 'ana', displayName: 'Ana', role: 'agent', apps: ['demo_app'], account: true });

    const partnerVisitor = await newVisitor(server.url, { appId: 'partner_app' });
    const partnerSession = await newSession(server.url, partnerVisitor.visitorToken, 'partner_app');
    const forbidden = [
      ['GET', '/apps/partner_app/sessions'],
      ['GET', `/apps/partner_app/sessions/${partnerSession}`],
      ['GET', `/apps/partner_app/sessions/${partnerSession}/messages`],
      ['GET', '/apps/partner_app/events'],
    ];
    for (const [method, path] of forbidden) {
      const answer = await agent(server.url, path!, { method, token });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 404, 'app_not_found']);
    }
    const reply = await agent(server.url, `/apps/partner_app/sessions/${partnerSession}/messages`, {
      token,
      body: { clientId: clientId(), kind: 'text', text: 'hi' },
    });
    expect([reply.status, reply.body.error.code]).toEqual([404, 'app_not_found']);
    // The same calls work for the server's own token.
    expect((await agent(server.url, `/apps/partner_app/sessions/${partnerSession}`)).status).toBe(200);
  });

  it("signs replies with the account's display name, whatever name the client sends", async () => {
    const { token } = await createAgent({ name: 'bo', displayName: 'Bo from Support', role: 'agent', apps: ['demo_app'] });
    const visitor = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitor.visitorToken);
    await sendText(server.url, visitor.visitorToken, sessionId, 'hello');
    const answer = await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
      token,
      body: { clientId: clientId(), kind: 'text', text: 'Hi!', authorName: 'The CEO' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.message.author).toEqual({ role: 'agent', name: 'Bo from Support' });
  });

  it('lets owners and admins manage accounts within their rights; agents manage nobody', async () => {
    const admin = await createAgent({ name: 'adele', displayName: 'Adele', role: 'admin', apps: ['demo_app'] });
    const plain = await createAgent({ name: 'carl', displayName: 'Carl', role: 'agent', apps: ['demo_app'] }, admin.token);
    expect(plain.agent.role).toBe('agent');

    // An admin grants only the agent role, and only in its own apps.
    for (const body of [
      { name: 'dan', displayName: 'Dan', role: 'admin', apps: ['demo_app'] },
      { name: 'dan', displayName: 'Dan', role: 'agent', apps: ['partner_app'] },
    ]) {
      const answer = await agent(server.url, '/agents', { token: admin.token, body });
      expect([answer.status, answer.body.error.code]).toEqual([403, 'forbidden']);
    }
    expect((await agent(server.url, '/agents', { token: plain.token })).status).toBe(403);
    expect((await agent(server.url, '/agents', { token: plain.token, body: { name: 'x1', displayName: 'X', role: 'agent', apps: [] } })).status).toBe(403);

    // The admin sees the accounts it manages, not itself or the owner's other admins.
    const listed = await agent(server.url, '/agents', { token: admin.token });
    expect(listed.body.agents.map((account: { name: string }) => account.name)).toContain('carl');
    expect(listed.body.agents.map((account: { name: string }) => account.name)).not.toContain('adele');
    expect((await agent(server.url, `/agents/${admin.agent.id}`, { method: 'PATCH', token: admin.token, body: { role: 'owner' } })).status).toBe(404);

    // Names are unique; unknown apps and bad shapes are 400.
    expect((await agent(server.url, '/agents', { body: { name: 'carl', displayName: 'C', role: 'agent', apps: [] } })).status).toBe(409);
    expect((await agent(server.url, '/agents', { body: { name: 'eve', displayName: 'E', role: 'agent', apps: ['nope'] } })).status).toBe(400);
    expect((await agent(server.url, '/agents', { body: { name: 'E V E', displayName: 'E', role: 'agent', apps: [] } })).status).toBe(400);
    expect((await agent(server.url, '/agents', { body: { name: 'eve', displayName: ' ', role: 'boss', apps: [] } })).status).toBe(400);

    // Change apps, then reset the credential: the old token stops working at once.
    const moved = await agent(server.url, `/agents/${plain.agent.id}`, { method: 'PATCH', body: { apps: ['partner_app'], displayName: 'Carl M.' } });
    expect(moved.body.agent).toMatchObject({ apps: ['partner_app'], displayName: 'Carl M.' });
    expect((await agent(server.url, '/apps', { token: plain.token })).body.apps).toEqual([{ appId: 'partner_app', name: 'Partner', locales: ['fr'] }]);
    const reset = await agent<AgentCredentialResponse>(server.url, `/agents/${plain.agent.id}/token`, { body: {} });
    expect(reset.status).toBe(200);
    expect((await agent(server.url, '/apps', { token: plain.token })).status).toBe(401);
    expect((await agent(server.url, '/apps', { token: reset.body.token })).status).toBe(200);

    // Disabled accounts are refused until enabled again.
    await agent(server.url, `/agents/${plain.agent.id}`, { method: 'PATCH', body: { disabled: true } });
    expect((await agent(server.url, '/apps', { token: reset.body.token })).status).toBe(401);
    await agent(server.url, `/agents/${plain.agent.id}`, { method: 'PATCH', body: { disabled: false } });
    expect((await agent(server.url, '/apps', { token: reset.body.token })).status).toBe(200);
  });

  it('keeps the server token as the owner with every app', async () => {
    const me = await agent(server.url, '/me');
    expect(me.body.agent).toEqual({ id: 'owner', name: 'owner', role: 'owner', apps: ['demo_app', 'partner_app'], account: false });
    const owner = await createAgent({ name: 'olga', displayName: 'Olga', role: 'owner', apps: ['demo_app'] });
    expect(owner.agent.apps).toEqual([]);
    expect((await agent(server.url, '/apps', { token: owner.token })).body.apps).toHaveLength(2);
    expect((await call(server.url, '/api/agent/me', { token: 'dca_' + 'x'.repeat(43) })).status).toBe(401);
  });

  it('keeps the accounts across a restart', async () => {
    const { token } = await createAgent({ name: 'rita', displayName: 'Rita', role: 'agent', apps: ['demo_app'] });
    server = await server.restart();
    expect((await agent(server.url, '/me', { token })).body.agent.name).toBe('rita');
  });
});
