import { afterEach, describe, expect, it } from 'vitest';
import { apiKeyCommand } from '../../../server/api-key-command';
import { startTestServer, testSettings, type TestServer } from '../support/test-server';
import { DEEP_LINK_APPS, generate } from './support';

let server: TestServer | undefined;
afterEach(() => server?.destroy());

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await apiKeyCommand(argv, env, process.cwd(), { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('npm run api-key', () => {
  it('prints only a new key, which the server then accepts', async () => {
    const { settings } = await testSettings({ appsFile: DEEP_LINK_APPS });
    const env = { DIRECT_CHAT_DATA_DIR: settings.dataDir, DIRECT_CHAT_APPS: DEEP_LINK_APPS, ...(settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {}) };
    const made = await run(['--app', 'shop', '--name', 'Nightly export'], env);
    expect(made).toMatchObject({ code: 0, err: [] });
    expect(made.out).toHaveLength(1);
    expect(made.out[0]).toMatch(/^dck_[A-Za-z0-9_-]{43}$/);

    server = await startTestServer({ ...settings, databaseUrl: settings.databaseUrl });
    expect((await generate(server.url, made.out[0], { scenario_id: 'shop', dataset: [{}] })).status).toBe(201);
    const listed = await fetch(`${server.url}/api/agent/apps/shop/api-keys`, { headers: { authorization: `Bearer ${settings.agentToken}` } });
    expect((await listed.json()).apiKeys).toEqual([expect.objectContaining({ name: 'Nightly export', revokedAt: null })]);
  });

  it('says what is wrong with its arguments, on stderr only', async () => {
    const missing = await run([], {});
    expect(missing.code).toBe(2);
    expect(missing.out).toEqual([]);
    expect(missing.err.join('\n')).toContain('Usage: npm run api-key');
    const unknownApp = await run(['--app', 'nope'], { DIRECT_CHAT_APPS: DEEP_LINK_APPS });
    expect(unknownApp).toMatchObject({ code: 1, out: [] });
    expect(unknownApp.err[0]).toContain('No app "nope"');
  });
});
