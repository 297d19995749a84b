import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The fault-injection suite once more, against two instances on one PostgreSQL behind a round-robin proxy
// (test/e2e/support/two-instances.mjs). Run by scripts/e2e-two-instances.mjs, which checks PostgreSQL first.
const webServer = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testMatch: 'delivery.spec.ts',
  webServer: {
    ...webServer,
    command: 'node test/e2e/support/two-instances.mjs',
    env: { ...webServer.env, DIRECT_CHAT_TEST_POSTGRES_URL: process.env.DIRECT_CHAT_TEST_POSTGRES_URL ?? '' },
  },
});
