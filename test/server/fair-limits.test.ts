import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '../../server/http/trusted-proxies';
import { readServerSettings } from '../../server/config/server-settings';
import { agent, call, newSession, newVisitor } from './support/api-client';
import { startTestServer } from './support/test-server';

const LIMIT = 6;

function anonymousVisitor(url: string, headers: Record<string, string> = {}) {
  return call(url, '/api/apps/demo_app/visitors', { body: { locale: 'en' }, headers });
}

describe('fair limits', () => {
  it('never answers the agent API with 429 because of a visitor flood from the same address', async () => {
    const server = await startTestServer({ rateLimitPerMinute: LIMIT });
    try {
      const { visitorToken } = await newVisitor(server.url);
      const statuses = [];
      for (let i = 0; i < LIMIT * 2; i++) statuses.push((await anonymousVisitor(server.url)).status);
      expect(statuses).toContain(429);
      // Made-up tokens are no way around the address's bucket.
      const forged = await call(server.url, '/api/agent/apps', { token: `dca_${'A'.repeat(43)}` });
      expect(forged.status).toBe(429);
      const junkVisitor = await call(server.url, '/api/apps/demo_app/sessions', { token: 'A'.repeat(43), body: {} });
      expect(junkVisitor.status).toBe(429);

      // The agent and an existing visitor each have their own bucket.
      for (let i = 0; i < LIMIT - 1; i++) expect((await agent(server.url, '/apps')).status).toBe(200);
      expect((await call(server.url, '/api/apps/demo_app/sessions', { token: visitorToken })).status).toBe(200);
    } finally {
      await server.destroy();
    }
  });

  it('limits a visitor with a token by its token, so one noisy visitor does not block its neighbours', async () => {
    const server = await startTestServer({ rateLimitPerMinute: LIMIT });
    try {
      const noisy = await newVisitor(server.url);
      const quiet = await newVisitor(server.url);
      const statuses = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push((await call(server.url, '/api/apps/demo_app/sessions', { token: noisy.visitorToken })).status);
      expect(statuses.at(-1)).toBe(429);
      expect((await call(server.url, '/api/apps/demo_app/sessions', { token: quiet.visitorToken })).status).toBe(200);
      expect(await newSession(server.url, quiet.visitorToken)).toMatch(/^s_/);
    } finally {
      await server.destroy();
    }
  });

  it('reads X-Forwarded-For only from a trusted proxy', async () => {
    const direct = await startTestServer({ rateLimitPerMinute: 2 });
    const proxied = await startTestServer({ rateLimitPerMinute: 2, trustedProxies: ['127.0.0.0/8'] });
    try {
      // Untrusted peer: a client cannot pick a fresh address per request.
      const spoofed = [];
      for (let i = 0; i < 4; i++) spoofed.push((await anonymousVisitor(direct.url, { 'x-forwarded-for': `203.0.113.${i}` })).status);
      expect(spoofed.at(-1)).toBe(429);
      // Behind the trusted proxy every client has its own bucket.
      for (let i = 0; i < 4; i++) expect((await anonymousVisitor(proxied.url, { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(201);
      const same = [];
      for (let i = 0; i < 4; i++) same.push((await anonymousVisitor(proxied.url, { 'x-forwarded-for': '203.0.113.7, 198.51.100.200' })).status);
      expect(same.at(-1)).toBe(429);
    } finally {
      await direct.destroy();
      await proxied.destroy();
    }
  });
});

describe('client address through proxies', () => {
  const isProxy = parseTrustedProxies(['10.0.0.0/8', '192.0.2.1', '::ffff:172.16.0.0/108']);

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(clientAddress('10.1.2.3', '6.6.6.6, 198.51.100.9, 10.9.9.9', isProxy)).toBe('198.51.100.9');
    expect(clientAddress('::ffff:192.0.2.1', '198.51.100.9', isProxy)).toBe('198.51.100.9');
    expect(clientAddress('172.16.0.9', '2001:db8::1', isProxy)).toBe('2001:db8::1');
    expect(clientAddress('10.1.2.3', ['1.1.1.1', '198.51.100.9'], isProxy)).toBe('198.51.100.9');
  });

  it('ignores the header from anyone else, and stops at an entry that is no address', () => {
    expect(clientAddress('198.51.100.9', '1.2.3.4', isProxy)).toBe('198.51.100.9');
    expect(clientAddress('10.1.2.3', '1.2.3.4, nonsense', isProxy)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', undefined, isProxy)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', '10.0.0.1', isProxy)).toBe('10.0.0.1');
  });

  it('refuses a setting that is not addresses or CIDRs', () => {
    expect(() => readServerSettings({ DIRECT_CHAT_TRUSTED_PROXIES: '10.0.0.1, example.com' }, '/tmp')).toThrow(/example\.com/);
    expect(readServerSettings({ DIRECT_CHAT_TRUSTED_PROXIES: '10.0.0.1, fd00::/8' }, '/tmp').trustedProxies).toEqual(['10.0.0.1', 'fd00::/8']);
  });
});
