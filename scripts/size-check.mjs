// Checks the built page against its budgets (issue 2): run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist/direct';
const KB = 1024;
const BUDGETS = { initialJs: 31.1 * KB, locale: 3 * KB, css: 6 * KB, embed: 3 * KB, requestsBeforePaint: 4 };

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const read = (path) => readFileSync(join(dist, path), 'utf8');
const html = read('index.html');
const pathOf = (url) => url.replace(/^\/direct\//, '');

const entryScripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => pathOf(m[1]));
const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => pathOf(m[1]));
const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
const inlineCss = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
// Each language in two parts: locale-<code>-… (its first screen's messages, before the first render) and
// locale-rest-<code>-… (fetched after the first paint).
const locales = readdirSync(join(dist, 'assets')).filter((name) => /^locale-.+\.js$/.test(name));
const localeSizes = locales.map((name) => [name, gzip(read(join('assets', name)))]);
const largestLocale = Math.max(...localeSizes.filter(([name]) => !name.startsWith('locale-rest-')).map(([, size]) => size));

const startupJs = [...entryScripts, ...preloads].reduce((sum, path) => sum + gzip(read(path)), 0);
// Before the first render: the HTML, its scripts and stylesheets, then the locale and the app config in parallel.
const requestsBeforePaint = 1 + entryScripts.length + preloads.length + stylesheets.length + 2;

const rows = [
  ['JavaScript before first render (entry + largest first-screen locale part)', startupJs + largestLocale, BUDGETS.initialJs],
  ...localeSizes.map(([name, size]) => [`locale ${name}`, size, BUDGETS.locale]),
  ['CSS (inlined in index.html, plus any linked)', gzip(inlineCss + stylesheets.map((url) => read(pathOf(url))).join('')), BUDGETS.css],
  ['embed.js (the host-page loader)', gzip(read('embed.js')), BUDGETS.embed],
  ['index.html', gzip(html), Infinity],
];
let failed = false;
for (const [label, size, budget] of rows) {
  const over = size > budget;
  failed ||= over;
  const limit = Number.isFinite(budget) ? `${(budget / KB).toFixed(1)} KB` : '—';
  console.log(`${over ? 'OVER' : 'ok  '}  ${(size / KB).toFixed(2).padStart(6)} KB gzip  (budget ${limit})  ${label}`);
}
const overRequests = requestsBeforePaint > BUDGETS.requestsBeforePaint;
failed ||= overRequests;
console.log(`${overRequests ? 'OVER' : 'ok  '}  ${requestsBeforePaint} requests before first paint (budget ${BUDGETS.requestsBeforePaint})`);
if (inlineCss === '' && stylesheets.length === 0) {
  console.log('OVER  no CSS found in index.html: the build did not run as expected');
  failed = true;
}
process.exit(failed ? 1 : 0);
