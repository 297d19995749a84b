import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './scripts/chromium-args.mjs';
import { NAUGHTY_TITLE, NAUGHTY_WELCOME } from './test/e2e/support/naughty-app';
import { E2E_AGENT_TOKEN, E2E_EMBEDDING_ORIGIN, E2E_PORT, E2E_PREVIEW_SITE_PORT } from './test/e2e/support/e2e-settings';

// One fresh database per run; workers inherit the same directory through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'direct-chat-e2e-'));

/** The demo apps as shipped, plus what the suite needs: a host allowed to embed the demo, a disabled app, a deep-link app. */
function writeE2eApps(): string {
  const file = join(process.env.E2E_DATA_DIR!, 'apps.e2e.json');
  const config = JSON.parse(readFileSync('server/apps.json', 'utf8'));
  const demo = config.apps.find((app: { appId: string }) => app.appId === 'demo_app');
  demo.allowedOrigins = [E2E_EMBEDDING_ORIGIN];
  config.apps.push({ ...demo, appId: 'disabled_app', fullPage: false, allowedOrigins: [] });
  // Personal deep links (deep-links.spec.ts): a welcome with placeholders, one attribute declared a collection.
  const welcome = { ...demo.branding.en, welcome: 'Hi {{name}}! Your {{account_type}} desk is ready.' };
  config.apps.push({ ...demo, appId: 'member_app', name: 'Member Desk', allowedOrigins: [], collectionAttributes: ['interests'], branding: { ...demo.branding, en: welcome } });
  const naughty = { ...demo.branding.en, title: NAUGHTY_TITLE, welcome: NAUGHTY_WELCOME };
  config.apps.push({ ...demo, appId: 'naughty_app', name: NAUGHTY_TITLE, allowedOrigins: [], locales: ['en'], defaultLocale: 'en', branding: { en: naughty } });
  writeFileSync(file, JSON.stringify(config));
  return file;
}

export { CHROMIUM_ARGS };

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'off',
    launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node dist-server/main.js',
    url: `http://127.0.0.1:${E2E_PORT}/direct/demo_app`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DIRECT_CHAT_DATA_DIR: process.env.E2E_DATA_DIR,
      DIRECT_CHAT_APPS: writeE2eApps(),
      DIRECT_CHAT_AGENT_TOKEN: E2E_AGENT_TOKEN,
      DIRECT_CHAT_FAULT_INJECTION: '1',
      DIRECT_CHAT_HEARTBEAT_MS: '2000',
      DIRECT_CHAT_RATE_LIMIT: '100000',
      DIRECT_CHAT_UNFURL_ALLOW: `127.0.0.1:${E2E_PREVIEW_SITE_PORT}`,
    },
  },
});
