import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_AGENT_TOKEN, E2E_PORT } from './test/e2e/support/e2e-settings';

// One fresh database per run; workers inherit the same directory through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'direct-chat-e2e-'));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

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
      DIRECT_CHAT_AGENT_TOKEN: E2E_AGENT_TOKEN,
      DIRECT_CHAT_FAULT_INJECTION: '1',
      DIRECT_CHAT_HEARTBEAT_MS: '2000',
      DIRECT_CHAT_RATE_LIMIT: '100000',
    },
  },
});
