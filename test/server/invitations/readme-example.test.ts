import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { agent } from '../support/api-client';
import { AGENT_TOKEN, startTestServer, type TestServer } from '../support/test-server';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { movableClock, putParticipants, T0 } from './support';

// The README's invitation example, read from the README itself and run with sh against a real server.
const README = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
const example = /<!-- invitation-example: curl -->\n```sh\n([\s\S]*?)\n```/.exec(README)?.[1];
const run = promisify(execFile);

let server: TestServer;
let mail: MailCatcher;
beforeAll(async () => {
  mail = await startMailCatcher(2);
  server = await startTestServer({ smtpUrl: mail.url, mailFrom: 'support@demo.example' });
  server.context.clock = movableClock(T0 + 1000).clock;
});
afterAll(async () => {
  await server?.destroy();
  await mail?.close();
});

it('the curl example creates and sends an invitation that reaches the sampled participants', async () => {
  expect(example).toBeDefined();
  await putParticipants(server.url, 'demo_app', [
    { externalId: 'p1', email: 'p1@example.com', attributes: { name: 'One', plan: 'premium' } },
    { externalId: 'p2', email: 'p2@example.com', attributes: { name: 'Two', plan: 'premium' } },
    { externalId: 'p3', email: 'p3@example.com', attributes: { name: 'Three', plan: 'basic' } },
  ]);
  const { stdout } = await run('sh', ['-c', example!], { env: { ...process.env, DIRECT_CHAT_URL: server.url, TOKEN: AGENT_TOKEN }, timeout: 30_000 });
  expect(JSON.parse(stdout).invitation.status).toBe('sending');
  const [received] = await mail.waitFor(1);
  expect(received!.subject).toMatch(/^A word with (One|Two)\?$/);
  const list = await agent(server.url, '/apps/demo_app/invitations');
  expect(list.body.invitations[0].counts).toMatchObject({ audience: 1 });
});
