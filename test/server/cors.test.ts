import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api-client';
import { AGENT_TOKEN, startTestServer, type TestServer } from './support/test-server';

const PAGE_ORIGIN = 'https://cdn.example.com';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ corsOrigins: [PAGE_ORIGIN] });
});
afterAll(() => server.destroy());

const preflight = (path: string, origin: string) =>
  fetch(server.url + path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

describe('CORS for a page hosted on another origin (DIRECT_CHAT_CORS_ORIGINS)', () => {
  it('answers the preflight of a configured origin on the visitor API', async () => {
    const response = await preflight('/api/apps/demo_app/visitors', PAGE_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Last-Event-ID');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('marks real answers (errors included) for that origin', async () => {
    const visitor = await call(server.url, '/api/apps/demo_app/visitors', { body: { locale: 'en' }, headers: { origin: PAGE_ORIGIN } });
    expect(visitor.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    expect(visitor.headers.get('vary')).toBe('Origin');
    const missing = await call(server.url, '/api/apps/nope/config', { headers: { origin: PAGE_ORIGIN } });
    expect([missing.status, missing.headers.get('access-control-allow-origin')]).toEqual([404, PAGE_ORIGIN]);
  });

  it('gives nothing to other origins or to the agent API', async () => {
    const other = await preflight('/api/apps/demo_app/visitors', 'https://evil.example');
    expect(other.status).toBe(405);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const agentPreflight = await preflight('/api/agent/apps', PAGE_ORIGIN);
    expect(agentPreflight.headers.get('access-control-allow-origin')).toBeNull();
    const agentCall = await call(server.url, '/api/agent/apps', { token: AGENT_TOKEN, headers: { origin: PAGE_ORIGIN } });
    expect(agentCall.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is off by default', async () => {
    const plain = await startTestServer();
    try {
      const answer = await call(plain.url, '/api/apps/demo_app/config', { headers: { origin: PAGE_ORIGIN } });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.destroy();
    }
  });
});
