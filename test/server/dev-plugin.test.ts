import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiDevServer } from '../../server/vite-dev-plugin';
import { call, newSession, newVisitor, sendText } from './support/api-client';
import { dataOf, isEvent, openEventStream } from './support/event-stream';
import { FIXTURE_APPS } from './support/test-server';

// `npm run dev`: Vite's dev server with the API mounted at /api through ssrLoadModule.
let vite: ViteDevServer;
let http: Server;
let baseUrl: string;
let scratch: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'direct-chat-dev-'));
  vi.stubEnv('DIRECT_CHAT_DATA_DIR', join(scratch, 'data'));
  vi.stubEnv('DIRECT_CHAT_APPS', FIXTURE_APPS);
  vi.stubEnv('DIRECT_CHAT_AGENT_TOKEN', 'dev-agent-token-0123456789');
  vite = await createServer({
    configFile: false,
    root: resolve(__dirname, '../..'),
    logLevel: 'silent',
    plugins: [apiDevServer()],
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
  });
  http = createHttpServer(vite.middlewares);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((done) => http.close(done));
  await vite.close();
  // SQLite removes the WAL file when the last connection closes: the plugin closed its database with the server.
  const walLeft = existsSync(join(scratch, 'data', 'direct-chat.sqlite-wal'));
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
  expect(walLeft).toBe(false);
});

describe('the dev server plugin', () => {
  it('serves the same API as the reference server', async () => {
    const config = await call(baseUrl, '/api/apps/demo_app/config?locale=de');
    expect(config.status).toBe(200);
    expect(config.body.branding.title).toBe('Demo Shop Kundenservice');
    expect(config.headers.get('cache-control')).toBe('no-store');
    const visitor = await newVisitor(baseUrl);
    const sessionId = await newSession(baseUrl, visitor.visitorToken);
    expect((await sendText(baseUrl, visitor.visitorToken, sessionId, 'from dev')).status).toBe(201);
    const agentApps = await call(baseUrl, '/api/agent/apps', { token: 'dev-agent-token-0123456789' });
    expect(agentApps.body.apps).toHaveLength(2);
  });

  it('keeps one API instance across requests, so live events reach open streams', async () => {
    const visitor = await newVisitor(baseUrl);
    const sessionId = await newSession(baseUrl, visitor.visitorToken);
    const stream = await openEventStream(`${baseUrl}/api/apps/demo_app/sessions/${sessionId}/events`, {
      authorization: `Bearer ${visitor.visitorToken}`,
    });
    await stream.next(isEvent('ready'));
    await sendText(baseUrl, visitor.visitorToken, sessionId, 'live in dev');
    expect(dataOf<{ text: string }>(await stream.next(isEvent('message'))).text).toBe('live in dev');
    stream.close();
  });

  it('leaves other paths to Vite', async () => {
    const answer = await fetch(`${baseUrl}/not-api`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('referrer-policy')).toBeNull();
    expect(await answer.text()).toContain('Cannot GET /not-api');
  });
});
