// `npm run api-key -- --app <appId> [--name <label>]`: prints a new API key of the app for the deep-link API.
// Build messages go to stderr, so stdout carries only the key.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (!ensureBuilt(['server'], process.stderr)) process.exit(1);
await import(pathToFileURL(join(root, 'dist-server', 'api-key-cli.js')).href);
