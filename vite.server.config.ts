import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { localeParts } from './scripts/vite-locale-parts.ts';

// The reference server, built for Node: dist-server/main.js (the server), dist-server/sign-link-cli.js and
// dist-server/api-key-cli.js.
// Never part of the page's bundle.
export default defineConfig({
  publicDir: false,
  // The first screen (server/static/first-screen.tsx) renders with the page's i18n setup, which imports locale parts.
  plugins: [localeParts()],
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-server',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        main: 'server/main.ts',
        'sign-link-cli': 'server/sign-link-cli.ts',
        'api-key-cli': 'server/api-key-cli.ts',
      },
      external: [/^better-sqlite3/, /^hono(\/|$)/, /^@hono\//, /^pino(\/|$)/, /^valibot$/, /^kysely(\/|$)/, /^pg(\/|$)/, /^sharp(\/|$)/, /^open-graph-scraper(\/|$)/, /^ipaddr\.js$/, /^nodemailer(\/|$)/, ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
