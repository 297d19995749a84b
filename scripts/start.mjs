// `npm start`: build whatever is missing or older than its sources, then run the reference server in this process
// (dist-server/main.js handles SIGINT/SIGTERM itself). Also exports ensureBuilt for scripts/sign-link.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/** What each build reads and writes. The console is optional while it is being written. */
const TARGETS = {
  page: {
    config: 'vite.config.ts',
    output: 'dist/direct/index.html',
    inputs: ['src', 'public', 'locales', 'index.html', 'vite.config.ts', 'scripts', 'package.json'],
    required: true,
  },
  // Written into dist/direct after the page (whose build empties that folder, and so makes this one stale).
  embed: {
    config: 'vite.embed.config.ts',
    output: 'dist/direct/embed.js',
    inputs: ['src/embed', 'src/api/limits.ts', 'vite.embed.config.ts', 'package.json'],
    required: true,
  },
  console: {
    config: 'vite.console.config.ts',
    output: 'dist/console/index.html',
    inputs: ['server/console', 'src', 'vite.console.config.ts', 'package.json'],
    required: false,
  },
  server: {
    config: 'vite.server.config.ts',
    output: 'dist-server/main.js',
    inputs: ['server', 'src/api', 'vite.server.config.ts', 'package.json'],
    ignore: ['server/console', 'server/apps.json'],
    required: true,
  },
};

/**
 * Builds the named targets that are missing or stale. Build output goes to `output` (a stream or 'inherit').
 * Returns false when a required build failed.
 */
export function ensureBuilt(names, output = 'inherit') {
  for (const name of names) {
    const target = TARGETS[name];
    if (!existsSync(join(root, target.config))) {
      if (target.required) throw new Error(`${target.config} is missing`);
      continue;
    }
    if (!isStale(target)) continue;
    process.stderr.write(`direct-chat: building the ${name} (${target.output} is missing or older than its sources)\n`);
    const args = [viteBin, 'build', ...(target.config === 'vite.config.ts' ? [] : ['--config', target.config])];
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', output, 'inherit'] });
    if (result.status !== 0) {
      if (target.required) return false;
      process.stderr.write(`direct-chat: the ${name} build failed; continuing without it\n`);
    }
  }
  return true;
}

function isStale(target) {
  const output = join(root, target.output);
  if (!existsSync(output)) return true;
  const builtAt = statSync(output).mtimeMs;
  const ignored = new Set((target.ignore ?? []).map((path) => join(root, path)));
  return target.inputs.some((input) => newestChange(join(root, input), ignored) > builtAt);
}

function newestChange(path, ignored) {
  if (ignored.has(path) || !existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestChange(join(path, entry), ignored));
  }
  return newest;
}

const invokedDirectly = process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) {
  if (!ensureBuilt(['page', 'embed', 'console', 'server'])) process.exit(1);
  await import(pathToFileURL(join(root, 'dist-server', 'main.js')).href);
}
