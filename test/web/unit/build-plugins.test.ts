import { readFileSync } from 'node:fs';
import { minifySync } from 'vite';
import { describe, expect, it } from 'vitest';
import { markDebugLogsPure } from '../../../scripts/vite-quiet-i18next';

const I18NEXT = readFileSync('node_modules/i18next/dist/esm/i18next.js', 'utf8');

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
