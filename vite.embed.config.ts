import { defineConfig } from 'vite';

// The host-page loader: one small classic script at a stable address, /direct/embed.js, beside the page's build.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/direct',
    emptyOutDir: false,
    target: 'es2018',
    reportCompressedSize: false,
    lib: { entry: 'src/embed/embed.ts', formats: ['iife'], name: 'DirectChatEmbed', fileName: () => 'embed.js' },
  },
});
