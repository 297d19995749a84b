import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_ENGINE, type TestServer } from '../support/test-server';
import { createApiKey } from './support';

// The README's deep-link examples, read from the README itself so they cannot drift from what is tested.
const README = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');
const EXAMPLE = /<!-- example: ([a-z]+) -->\n```[a-z]+\n([\s\S]*?)\n```/g;
const examples = Object.fromEntries([...README.matchAll(EXAMPLE)].map(([, name, code]) => [name!, code!]));
const run = promisify(execFile);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.destroy());

async function runExample(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env = { ...process.env, DIRECT_CHAT_URL: server.url, DIRECT_CHAT_API_KEY: await createApiKey(server.url, 'demo_app'), ...extraEnv };
  return (await run(command, args, { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 })).stdout;
}

describe('README deep-link examples', () => {
  it('are all there', () => {
    expect(Object.keys(examples).sort()).toEqual(['bulk', 'curl', 'javascript', 'python']);
  });

  it('curl', async () => {
    const links = JSON.parse(await runExample('sh', ['-c', examples.curl!]));
    expect(links).toEqual([{ user_id: 'user_12345', url: expect.stringMatching(/\/p\/[A-Za-z0-9_-]{32}$/), expires_at: expect.any(String) }]);
  });

  it('Python', async () => {
    const lines = (await runExample('python3', ['-c', examples.python!])).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^user_12345 ${server.url}/p/[A-Za-z0-9_-]{32}$`));
    expect(lines[1]).toMatch(/^[0-9a-f-]{36} http/);
  });

  it('JavaScript', async () => {
    const output = await runExample(process.execPath, ['--input-type=module', '-e', examples.javascript!]);
    expect(output).toMatch(new RegExp(`^user_12345 ${server.url}/p/[A-Za-z0-9_-]{32}\\n$`));
  });

  it('bulk: 10,000 links in batches of 100', async () => {
    const started = performance.now();
    const output = await runExample(process.execPath, ['--input-type=module', '-e', examples.bulk!]);
    const seconds = (performance.now() - started) / 1000;
    expect(output.trim()).toBe('10000');
    console.info(`bulk example on ${TEST_ENGINE}: 10,000 links in ${seconds.toFixed(1)} s`);
  }, 180_000);
});
