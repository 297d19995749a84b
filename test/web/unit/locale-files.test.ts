import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES, toBcp47 } from '../../../src/i18n/locales';
import { localeFile, readMessages, splitPlural } from './support/locale-messages';

const MAX_GZIP_BYTES = 3 * 1024;
const placeholders = (text: string) => [...text.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((match) => match[1]).sort();

/** Base key → the plural categories it is written in (empty for a key without plurals). */
function pluralShape(messages: Map<string, unknown>): Map<string, string[]> {
  const shape = new Map<string, string[]>();
  for (const key of messages.keys()) {
    const { base, category } = splitPlural(key);
    const categories = shape.get(base) ?? [];
    if (category) categories.push(category);
    shape.set(base, categories.sort());
  }
  return shape;
}

const en = readMessages('en');
const enShape = pluralShape(en);
const enPlaceholders = (base: string) =>
  [...en].filter(([key]) => splitPlural(key).base === base).map(([, text]) => placeholders(String(text)));

describe.each(SUPPORTED_LOCALES)('locales/%s/chat.json', (code) => {
  const messages = readMessages(code);
  const shape = pluralShape(messages);

  it('has exactly the keys of en', () => {
    expect([...shape.keys()].sort()).toEqual([...enShape.keys()].sort());
  });

  it('has exactly the plural forms its language uses, for each plural key of en', () => {
    const categories = [...new Intl.PluralRules(toBcp47(code)).resolvedOptions().pluralCategories].sort();
    for (const [base, enCategories] of enShape) {
      expect(shape.get(base), base).toEqual(enCategories.length > 0 ? categories : []);
    }
  });

  it('has a non-empty string for every key', () => {
    for (const [key, text] of messages) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
    }
  });

  it('uses the same {{placeholders}} as en in every message', () => {
    for (const [key, text] of messages) {
      const { base } = splitPlural(key);
      for (const expected of enPlaceholders(base)) expect(placeholders(String(text)), key).toEqual(expected);
    }
  });

  it('contains no HTML (every message is rendered as text)', () => {
    for (const [key, text] of messages) expect(String(text), key).not.toMatch(/<\/?[a-z!][^>]*>|&[a-z]+;|&#\d+;/i);
  });

  it(`is at most ${MAX_GZIP_BYTES} bytes gzipped`, () => {
    expect(gzipSync(readFileSync(localeFile(code))).length).toBeLessThanOrEqual(MAX_GZIP_BYTES);
  });
});

describe('locales/en/chat.json', () => {
  it('is the source of truth: every plural key has the forms English uses', () => {
    const plural = [...enShape.values()].filter((categories) => categories.length > 0);
    expect(plural.length).toBeGreaterThan(0);
    for (const categories of plural) expect(categories).toEqual(['one', 'other']);
  });

  it('uses the same placeholders in every plural form of a key', () => {
    for (const base of enShape.keys()) {
      const forms = enPlaceholders(base);
      for (const form of forms) expect(form, base).toEqual(forms[0]);
    }
  });
});
