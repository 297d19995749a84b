import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LocaleCode } from '../../../../src/api/wire';

export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../locales');

export const localeFile = (code: LocaleCode) => join(LOCALES_DIR, code, 'chat.json');

/** Every leaf of a messages file as a dotted key, the way i18next's t() names it. */
export function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) leaves.set(path, leaf);
    }
  } else {
    leaves.set(prefix, value);
  }
  return leaves;
}

export const linkLocaleFile = (code: LocaleCode) => join(LOCALES_DIR, code, 'links.json');
const deepLinkLocaleFile = (code: LocaleCode) => join(LOCALES_DIR, code, 'deep-links.json');

/** chat.json with the texts of the screens that load with their own chunks (links.json, deep-links.json) merged in. */
export const readMessages = (code: LocaleCode): Map<string, unknown> =>
  new Map([localeFile(code), linkLocaleFile(code), deepLinkLocaleFile(code)].flatMap((file) => [...flatten(JSON.parse(readFileSync(file, 'utf8')))]));

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** A key without its i18next plural suffix, and the plural category if it had one. */
export function splitPlural(key: string): { base: string; category?: string } {
  const match = PLURAL_SUFFIX.exec(key);
  return match ? { base: key.slice(0, match.index), category: match[1] } : { base: key };
}
