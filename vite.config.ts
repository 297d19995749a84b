import { defineConfig, type ViteUserConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { apiDevServer } from './server/vite-dev-plugin.ts';
import { inlineCss } from './scripts/vite-inline-css.ts';
import { localeParts } from './scripts/vite-locale-parts.ts';
import { preloadHelper } from './scripts/vite-preload-helper.ts';
import { trimI18n } from './scripts/vite-trim-i18n.ts';
import { DETECTION_ORDER } from './src/i18n/detection.ts';
import { postgresTestProjects } from './test/server/support/postgres-project.ts';

// The customer page. Served under /direct/, one build for every app; the API base comes from index.html's
// <meta name="direct-chat:api-base"> at deploy time.
const serverTests = { include: ['test/server/**/*.test.ts'], exclude: ['test/server/postgres/**'] };

export default defineConfig(async ({ mode }): Promise<ViteUserConfig> => ({
  base: '/direct/',
  plugins: [preact(), apiDevServer(), inlineCss(), localeParts(), preloadHelper(), trimI18n({ lookups: DETECTION_ORDER })],
  json: { stringify: true },
  build: {
    outDir: 'dist/direct',
    emptyOutDir: true,
    // Class fields and the like as they are: every browser the page supports has them (no helpers in the bundle).
    target: 'es2022',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // The first render's small API modules stay in the entry with main.tsx: shared by the entry and several lazy
        // routes (engine, chat link, deep link), rolldown would otherwise give them a render-blocking chunk of their own.
        codeSplitting: { groups: [{ name: 'index', test: /src[\\/](main\.tsx|api[\\/](retry-rule|api-failure|json-shape|limits)\.ts)$/ }] },
        chunkFileNames: (chunk) => {
          // A language's first-screen part is locale-<code>-… (the server preloads it by that name), its rest locale-rest-<code>-….
          const [, locale, part] = /\/locales\/([a-z-]+)\/chat\.json\?part=(\w+)/.exec(chunk.facadeModuleId ?? '') ?? [];
          if (!locale) return 'assets/[name]-[hash].js';
          return part === 'rest' ? `assets/locale-rest-${locale}-[hash].js` : `assets/locale-${locale}-[hash].js`;
        },
      },
    },
  },
  test: {
    // CI runs every project at once on two cores: property tests and full-page renders need more than 5 s there.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          env: { DIRECT_CHAT_TEST_POSTGRES_URL: '' },
          include: ['test/web/**/*.test.{ts,tsx}'],
          setupFiles: ['test/web/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'console',
          environment: 'jsdom',
          include: ['test/console/**/*.test.{ts,tsx}'],
          setupFiles: ['test/console/support/setup.ts'],
        },
      },
      {
        extends: true,
        // Always SQLite, even where DIRECT_CHAT_TEST_POSTGRES_URL is set for the server-pg project.
        test: { name: 'server', environment: 'node', ...serverTests, env: { DIRECT_CHAT_TEST_POSTGRES_URL: '' } },
      },
      // The same server suite on PostgreSQL, plus the multi-instance proofs (see the helper).
      ...(mode === 'test' ? await postgresTestProjects(process.env, serverTests) : []),
    ],
  },
}));
