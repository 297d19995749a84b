// `npm run bench:lighthouse`: Lighthouse (mobile, its default throttling) five times on the chat page and five times
// on a static page served by the same server, medians side by side. The static page is the floor: the same HTML
// shell and inline CSS with the header and welcome already in it, and no script.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { ensureBuilt } from './start.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4433);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const STATIC_FILE = 'dist/direct/bench-static.html';

/** The built page's HTML with its scripts taken out and what the chat paints first written in as plain markup. */
function staticTwin(indexHtml) {
  const twin = indexHtml
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/g, '')
    .replace(
      /<!--\s*first-screen\b[^>]*-->[\s\S]*?<!--\s*\/first-screen\s*-->/,
      `<div class="app-root"><div class="chat"><header class="chat-header"><h1>Demo Shop Support</h1></header>` +
        `<main class="chat__main"><p>Hi there! Ask us anything.</p><textarea aria-label="Your message"></textarea></main></div></div>`,
    );
  if (!twin.includes('<h1>Demo Shop Support</h1>')) throw new Error('index.html has no first-screen place for the static twin');
  return twin;
}

function startServer(dataDir) {
  const child = spawn(process.execPath, ['dist-server/main.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DIRECT_CHAT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('READY ')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function measure(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROMIUM_ARGS });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' });
    if (lhr.runtimeError) {
      console.error(`${url}: ${lhr.runtimeError.code}, run not counted`);
      return undefined;
    }
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    const requests = lhr.audits['network-requests']?.details?.items ?? [];
    const jsBytes = requests.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
    // Lighthouse's figures are simulated (Lantern: a slow phone on a slow network, built from the trace); the observed
    // ones are what the unthrottled browser painted, which shows whether the simulation counted work the paint never waited for.
    const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
    return {
      lcp: audit('largest-contentful-paint'),
      fcp: audit('first-contentful-paint'),
      observedLcp: observed.observedLargestContentfulPaint ?? NaN,
      observedFcp: observed.observedFirstContentfulPaint ?? NaN,
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      jsBytes,
    };
  } finally {
    await chrome.kill();
  }
}

async function series(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await measure(url);
    if (run && Object.values(run).every(Number.isFinite)) runs.push(run);
  }
  if (runs.length === 0) throw new Error(`no Lighthouse run of ${url} gave figures`);
  return { runs: runs.length, ...Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))])) };
}

if (!ensureBuilt(['page', 'embed', 'server'])) process.exit(1);
const dataDir = mkdtempSync(join(tmpdir(), 'direct-chat-bench-'));
writeFileSync(STATIC_FILE, staticTwin(readFileSync('dist/direct/index.html', 'utf8')));
const server = await startServer(dataDir);
try {
  const base = `http://127.0.0.1:${PORT}`;
  const chat = await series(`${base}/direct/demo_app`);
  const floor = await series(`${base}/direct/bench-static.html`);
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const rows = [
    ['LCP', seconds(chat.lcp), seconds(floor.lcp), `${(chat.lcp / floor.lcp).toFixed(2)}x`],
    ['FCP', seconds(chat.fcp), seconds(floor.fcp), `${(chat.fcp / floor.fcp).toFixed(2)}x`],
    ['LCP observed (unthrottled)', `${Math.round(chat.observedLcp)} ms`, `${Math.round(floor.observedLcp)} ms`, `${(chat.observedLcp / floor.observedLcp).toFixed(2)}x`],
    ['FCP observed (unthrottled)', `${Math.round(chat.observedFcp)} ms`, `${Math.round(floor.observedFcp)} ms`, `${(chat.observedFcp / floor.observedFcp).toFixed(2)}x`],
    ['TBT', `${Math.round(chat.tbt)} ms`, `${Math.round(floor.tbt)} ms`, ''],
    ['CLS', chat.cls.toFixed(3), floor.cls.toFixed(3), ''],
    ['JS transferred', `${(chat.jsBytes / 1024).toFixed(1)} KB`, `${(floor.jsBytes / 1024).toFixed(1)} KB`, ''],
  ];
  console.log(`Lighthouse mobile, medians of ${chat.runs} (chat) and ${floor.runs} (static) runs\n`);
  console.log('| metric | chat page | static page, same server | ratio |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  server.kill('SIGTERM');
  rmSync(STATIC_FILE, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
