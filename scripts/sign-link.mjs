// `npm run sign-link -- --app demo_app --sbs 42 [--name ...]`: prints a freshly signed Direct Link.
// Build messages go to stderr, so stdout carries only the link.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!ensureBuilt(['server'], process.stderr)) process.exit(1);
await import(pathToFileURL(join(root, 'dist-server', 'sign-link-cli.js')).href);
