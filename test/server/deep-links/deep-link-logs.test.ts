import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, newVisitor } from '../support/api-client';
import { captureLog } from '../support/captured-log';
import { startTestServer, type TestServer } from '../support/test-server';
import { codeOf, createApiKey, DEEP_LINK_APPS, generate } from './support';

const log = captureLog();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ appsFile: DEEP_LINK_APPS, logLevel: 'info' }, { logDestination: log.stream });
});
afterAll(() => server.destroy());

it('logs no API key, deep-link code or attribute', async () => {
  const key = await createApiKey(server.url, 'shop');
  const [link] = (await generate(server.url, key, { scenario_id: 'shop', dataset: [{ user_id: 'logged-user', attributes: { email: 'secret@example.com' } }] })).body;
  const code = codeOf(link.url);
  await call(server.url, `/api/deep-links/${code}/config?locale=en`);
  await newVisitor(server.url, { appId: 'shop', deepLink: code });
  await call(server.url, `/p/${code}`);
  await call(server.url, `/public/api/deep-links/${code}`, { method: 'DELETE', token: key });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const text = log.text();
  expect(text).toContain('/api/deep-links/:code/config');
  expect(text).toContain('/public/api/deep-links/:code');
  for (const secret of [code, key, 'secret@example.com']) expect(text).not.toContain(secret);
});
