import { readFileSync } from 'node:fs';
import { minifySync } from 'vite';
import { describe, expect, it } from 'vitest';
import { keepDetectorLookups, markDebugLogsPure } from '../../../scripts/vite-trim-i18n';
import { DETECTION_ORDER } from '../../../src/i18n/detection';

// The build's changes to the page's i18n libraries (scripts/vite-trim-i18n.ts), on the installed versions.
const I18NEXT = readFileSync('node_modules/i18next/dist/esm/i18next.js', 'utf8');
const DETECTOR = readFileSync('node_modules/i18next-browser-languagedetector/dist/esm/i18nextBrowserLanguageDetector.js', 'utf8');

type Detector = { detectors: Record<string, unknown>; detect(): string | null };
/** The detector class of the module's source, evaluated as a function body that returns its default export. */
function detectorClass(source: string): new (services: undefined, options: object) => Detector {
  return new Function(source.replace(/export \{ Browser as default \};\s*$/, 'return Browser;'))();
}

describe("i18next's debug-only logging", () => {
  it('marks every logger call that prints only with debug, and nothing else', () => {
    const marked = markDebugLogsPure(I18NEXT);
    const calls = [...marked.matchAll(/\/\* @__PURE__ \*\/ ([^(]*)\(/g)].map((match) => match[1]);
    expect(calls.length).toBeGreaterThan(30);
    for (const callee of calls) expect(callee).toMatch(/^[\w$.]*\.logger\.(log|warn|deprecate|once)$/);
    // The annotations are all the change: without them the source is as it was.
    expect(marked.replaceAll('/* @__PURE__ */ ', '')).toBe(I18NEXT);
    expect(I18NEXT).toMatch(/this\.logger\.error\(/);
    expect(marked).not.toMatch(/@__PURE__ \*\/ this\.logger\.error\(/);
  });

  it('lets the minifier drop those calls, their messages with them, and keep errors and side effects', () => {
    const code = markDebugLogsPure(
      'export function f(a, err) { if (err) this.logger.warn(`failed ${a}`, err); this.logger.log("done", a.shift()); this.logger.error("broken"); return a; }',
    );
    const minified = minifySync('f.js', code).code;
    expect(minified).not.toContain('failed');
    expect(minified).not.toContain('done');
    expect(minified).toContain('broken');
    expect(minified).toContain('shift()');
  });
});

describe("the language detector's lookups", () => {
  it("keeps the built-in lookups the page's detection order names, and only those", () => {
    const Trimmed = detectorClass(keepDetectorLookups(DETECTOR, DETECTION_ORDER));
    const Whole = detectorClass(DETECTOR);
    const options = { order: ['navigator'], caches: [] };
    expect(Object.keys(new Trimmed(undefined, options).detectors)).toEqual(DETECTION_ORDER.filter((name) => name in new Whole(undefined, options).detectors));
    expect(Object.keys(new Trimmed(undefined, options).detectors)).toEqual(['navigator']);
    expect(new Trimmed(undefined, options).detect()).toBe(new Whole(undefined, options).detect());
    expect(new Trimmed(undefined, options).detect()).toBe(navigator.languages[0]);
  });

  it('keeps others when the order names them', () => {
    const Trimmed = detectorClass(keepDetectorLookups(DETECTOR, ['querystring', 'navigator']));
    expect(Object.keys(new Trimmed(undefined, {}).detectors).sort()).toEqual(['navigator', 'querystring']);
  });

  it('refuses a detector that registers its lookups some other way', () => {
    expect(() => keepDetectorLookups('export default class Browser { init() { this.detectors = {}; } }', ['navigator'])).toThrow(/no longer registers/);
  });
});
