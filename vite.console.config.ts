import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The agent console: its own bundle under /console/, never part of the customer page. Set
// DIRECT_CHAT_API_ORIGIN (e.g. http://localhost:8787) to develop it with `vite --config vite.console.config.ts`
// against a running reference server.
const apiOrigin = process.env.DIRECT_CHAT_API_ORIGIN;

export default defineConfig({
  root: fileURLToPath(new URL('./server/console', import.meta.url)),
  base: '/console/',
  plugins: [preact()],
  server: apiOrigin ? { proxy: { '/api': { target: apiOrigin, changeOrigin: true } } } : undefined,
  build: {
    outDir: fileURLToPath(new URL('./dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
