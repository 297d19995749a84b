// How a page served with its first screen boots: with the config it was drawn with written in, and its scripts
// started once that screen has been painted, so nothing the page fetches competes with (or is counted before) it.
import { createHash } from 'node:crypto';
import type { AppConfig, LocaleCode } from '../../src/api/wire';
import { INLINED_CONFIG_ID, type InlinedConfig } from '../../src/boot/inlined-config';
import { escapeHtml } from './first-screen-page';

const MODULE_SCRIPT = /<script\b(?=[^>]*\stype=["']module["'])[^>]*\ssrc=["']([^"']+)["'][^>]*>\s*<\/script>\s*/gi;
const MODULE_PRELOAD = /<link\b(?=[^>]*\srel=["']modulepreload["'])[^>]*\shref=["']([^"']+)["'][^>]*>\s*/gi;
const BODY_END = /\s*<\/body>/i;

/**
 * Adds the module preloads (its language file) and the entry script once the first contentful paint has been
 * presented (the paint timing entry comes after the frame is on screen), so the first screen is painted from the
 * HTML alone. At once instead where that paint may never come or does not matter: a hidden tab (no paint), a frame
 * (the embed loader shows its frame only when the page runs), a browser without paint timing; and after a second at
 * the latest, a safety net (the paint entry comes within a few frames). The script reads the addresses from its own
 * data attributes, so its text (and its CSP hash) is fixed.
 */
export const ENTRY_LOADER = `(function (loader) {
  var started = false;
  function add(tag, attributes) {
    var element = document.createElement(tag);
    for (var name in attributes) element[name] = attributes[name];
    document.head.appendChild(element);
  }
  function start() {
    if (started) return;
    started = true;
    var preloads = (loader.getAttribute('data-preload') || '').split(' ');
    for (var i = 0; i < preloads.length; i++) if (preloads[i]) add('link', { rel: 'modulepreload', href: preloads[i] });
    add('script', { type: 'module', src: loader.getAttribute('data-entry') });
  }
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState !== 'visible' || window.top !== window || types.indexOf('paint') < 0) return start();
  new PerformanceObserver(function (list) {
    if (list.getEntriesByName('first-contentful-paint').length > 0) start();
  }).observe({ type: 'paint', buffered: true });
  document.addEventListener('visibilitychange', start);
  setTimeout(start, 1000);
})(document.currentScript);`;

const ENTRY_LOADER_HASH = `'sha256-${createHash('sha256').update(ENTRY_LOADER, 'utf8').digest('base64')}'`;

/** JSON that cannot end the script element it is written in, nor be read as anything but data (`<`, `>`, `&`, U+2028/9 escaped). */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface FirstScreenBoot {
  html: string;
  /** CSP hash sources for script-src: the loader's, when the page has an entry script to load. */
  scriptHashes: string[];
}

/**
 * The page's HTML with its app config written in as a JSON data block and its module scripts and preloads (plus
 * `preloads`, the language file the server expects it to pick) started by the loader after the first paint.
 * A page without a module entry (another build's shape) keeps its scripts as they are.
 */
export function withFirstScreenBoot(html: string, config: AppConfig, locale: LocaleCode, preloads: readonly string[]): FirstScreenBoot {
  const inlined: InlinedConfig = { locale, config };
  const data = `\n    <script type="application/json" id="${INLINED_CONFIG_ID}">${jsonForScriptElement(inlined)}</script>`;
  const entries = [...html.matchAll(MODULE_SCRIPT)].map((match) => match[1]!);
  if (entries.length !== 1) return { html: html.replace(BODY_END, () => `${data}\n  </body>`), scriptHashes: [] };

  const built = [...html.matchAll(MODULE_PRELOAD)].map((match) => match[1]!);
  const preload = [...new Set([...preloads, ...built])].filter((url) => !/\s/.test(url)).join(' ');
  const loader = `\n    <script data-entry="${escapeHtml(entries[0]!)}" data-preload="${escapeHtml(preload)}">${ENTRY_LOADER}</script>`;
  const page = html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '').replace(BODY_END, () => `${data}${loader}\n  </body>`);
  return { html: page, scriptHashes: [ENTRY_LOADER_HASH] };
}
