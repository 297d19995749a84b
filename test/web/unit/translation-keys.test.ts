import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, readMessages, splitPlural } from './support/locale-messages';
import { FAIL_REASONS } from '../../../src/chat/outbox';

const SRC = join(LOCALES_DIR, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(SRC, path), 'utf8');

/** The string members of `export type <name> = 'a' | 'b' ...` in a source file. */
function unionMembers(path: string, name: string): string[] {
  const match = new RegExp(`export type ${name}\\s*=([^;]+);`).exec(read(path));
  if (!match) throw new Error(`type ${name} not found in ${path}`);
  return [...match[1].matchAll(/'([^']+)'/g)].map((member) => member[1]);
}

// Every ${...} used inside a t(`...`) key, with the values it can take. A new one makes the test fail until added here.
const TEMPLATE_VALUES: Record<string, string[]> = {
  kind: unionMembers('components/error-screen/index.tsx', 'ScreenKind'),
  reason: unionMembers('api/wire.ts', 'IdentityError'),
  "entry.failReason ?? 'rejected'": [...FAIL_REASONS],
};

/** The text of the first argument of every t(...) call, however it is written. */
function firstArguments(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?<![\w$.])t\(/g)) {
    let depth = 0;
    let quote: string | null = null;
    let end = match.index + 2;
    for (; end < source.length; end++) {
      const char = source[end];
      if (quote) {
        if (char === '\\') end++;
        else if (char === quote) quote = null;
      } else if (char === "'" || char === '"' || char === '`') quote = char;
      else if (char === '(' || char === '[' || char === '{') depth++;
      else if (char === ')' || char === ']' || char === '}') {
        if (depth === 0) break;
        depth--;
      } else if (char === ',' && depth === 0) break;
    }
    found.push(source.slice(match.index + 2, end).trim());
  }
  return found;
}

/**
 * The keys a t() argument can name: each string literal in it (not the operands of a comparison, as in
 * `role === 'agent' ? 'log.agent' : 'log.system'`), templates expanded with every known value.
 */
function keysOf(argument: string): string[] {
  const keys: string[] = [];
  const withoutComparisons = argument.replace(/[!=]==?\s*('[^']*'|"[^"]*")|('[^']*'|"[^"]*")\s*[!=]==?/g, '');
  for (const literal of withoutComparisons.matchAll(/'([^']*)'|"([^"]*)"|`([^`]*)`/g)) {
    const [, single, double, template] = literal;
    if (template === undefined) {
      keys.push(single ?? double);
      continue;
    }
    let expansions = [''];
    for (const part of template.split(/(\$\{[^}]*\})/)) {
      const expression = /^\$\{(.*)\}$/.exec(part)?.[1];
      if (expression === undefined) {
        expansions = expansions.map((prefix) => prefix + part);
        continue;
      }
      const values = TEMPLATE_VALUES[expression];
      if (!values) throw new Error(`t(\`${template}\`): teach this test the values of \${${expression}}`);
      expansions = expansions.flatMap((prefix) => values.map((value) => prefix + value));
    }
    keys.push(...expansions);
  }
  return keys;
}

const en = readMessages('en');
const enKeys = new Set([...en.keys()].map((key) => splitPlural(key).base));
const usages = sourceFiles(SRC).flatMap((path) =>
  firstArguments(readFileSync(path, 'utf8')).flatMap((argument) => keysOf(argument).map((key) => ({ path, key }))),
);

describe('translation keys used in src', () => {
  it('are found: the scan sees the whole page', () => {
    expect(usages.length).toBeGreaterThan(40);
    expect(usages.map(({ key }) => key)).toEqual(
      expect.arrayContaining(['log.agent', 'log.system', 'errors.network.title', 'identity.replayed', 'outbox.failedReason.too_long']),
    );
    expect(TEMPLATE_VALUES.kind).toContain('app_not_found');
    expect(TEMPLATE_VALUES.reason).toEqual(['bad_signature', 'replayed', 'malformed']);
    expect(TEMPLATE_VALUES["entry.failReason ?? 'rejected'"]).toEqual(['session_closed', 'too_long', 'rejected']);
  });

  it('all exist in en (plural keys by their base key)', () => {
    const missing = usages.filter(({ key }) => !enKeys.has(key)).map(({ path, key }) => `${key} (${path.slice(SRC.length + 1)})`);
    expect(missing).toEqual([]);
  });
});
