import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentCredentialResponse } from '../../../server/agent-wire';
import { agent } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { createApiKey, DEEP_LINK_APPS, generate } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ appsFile: DEEP_LINK_APPS, deepLinkRatePerMinute: 3 });
});
afterAll(() => server.destroy());

async function account(role: 'admin' | 'agent', apps: string[]): Promise<string> {
  const answer = await agent<AgentCredentialResponse>(server.url, '/agents', { body: { name: `${role}-${apps.join('-')}`, displayName: role, role, apps } });
  return answer.body.token;
}

describe('API keys', () => {
  it('are created and revoked by owners and admins of the app, shown once, listed without the key', async () => {
    const admin = await account('admin', ['shop']);
    const created = await agent(server.url, '/apps/shop/api-keys', { token: admin, body: { name: '  CRM export  ' } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^dck_[A-Za-z0-9_-]{43}$/);
    expect(created.body.apiKey).toMatchObject({ appId: 'shop', name: 'CRM export', revokedAt: null });
    const list = await agent(server.url, '/apps/shop/api-keys', { token: admin });
    expect(list.body.apiKeys.map((key: { id: string }) => key.id)).toContain(created.body.apiKey.id);
    expect(list.text).not.toContain(created.body.key);

    const unnamed = await agent(server.url, '/apps/shop/api-keys', { token: admin, body: {} });
    expect(unnamed.body.apiKey.name).toBe('API key');
    const revoked = await agent(server.url, `/apps/shop/api-keys/${created.body.apiKey.id}`, { token: admin, method: 'DELETE' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.apiKey.revokedAt).toEqual(expect.any(String));
    expect((await generate(server.url, created.body.key, { scenario_id: 'shop', dataset: [{}] })).status).toBe(401);
  });

  it('are refused to agents (403) and to admins of other apps (404), and unknown ids are 404', async () => {
    const plainAgent = await account('agent', ['shop']);
    const forbidden = await agent(server.url, '/apps/shop/api-keys', { token: plainAgent, body: { name: 'x' } });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'forbidden']);
    expect((await agent(server.url, '/apps/shop/api-keys', { token: plainAgent })).status).toBe(403);
    const otherAdmin = await account('admin', ['other']);
    const elsewhere = await agent(server.url, '/apps/shop/api-keys', { token: otherAdmin, body: { name: 'x' } });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'app_not_found']);
    const missing = await agent(server.url, '/apps/shop/api-keys/k_nope', { method: 'DELETE' });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'api_key_not_found']);
    const tooLong = await agent(server.url, '/apps/shop/api-keys', { body: { name: 'n'.repeat(81) } });
    expect(tooLong.status).toBe(400);
  });

  it('each count their own requests: 429 with Retry-After past the limit, other keys unaffected', async () => {
    const busy = await createApiKey(server.url, 'shop', 'busy');
    const calm = await createApiKey(server.url, 'shop', 'calm');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await generate(server.url, busy, { scenario_id: 'shop', dataset: [{}] }));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 429]);
    expect(answers[3]!.body.error.code).toBe('rate_limited');
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await generate(server.url, calm, { scenario_id: 'shop', dataset: [{}] })).status).toBe(201);
  });
});
