import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLocale, pickLocale } from '../../../src/i18n/normalize-locale';
import { LOCALE_NAMES } from '../../../src/i18n/locale-names';
import { SUPPORTED_LOCALES, toBcp47 } from '../../../src/i18n/locales';

describe('normalizeLocale', () => {
  // design.md §3, then the variants browsers and links really send.
  it.each([
    ['pt_BR', 'pt'],
    ['PT-br', 'pt'],
    ['pt-PT', 'pt'],
    ['pt-BR', 'pt'],
    ['pt', 'pt'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-MY', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-MO', 'zh-tw'],
    ['en-GB', 'en'],
    ['de-AT', 'de'],
    ['zh', 'zh-cn'],
    ['zh-cn', 'zh-cn'],
    ['zh-tw', 'zh-tw'],
    ['ZH_tw', 'zh-tw'],
    ['zh-Hant-CN', 'zh-tw'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-Hans-TW', 'zh-cn'],
    ['zh-Hant-HK', 'zh-tw'],
    ['zh-Hans-CN', 'zh-cn'],
    ['yue', 'zh-tw'],
    ['yue-HK', 'zh-tw'],
    ['yue-Hans', 'zh-cn'],
    ['cmn-Hans-CN', 'zh-cn'],
    ['cmn-Hant-TW', 'zh-tw'],
    ['cmn', 'zh-cn'],
    ['wuu', 'zh-cn'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['ko-KR', 'ko'],
    ['KO', 'ko'],
    ['fr-CA', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_ch', 'fr'],
    ['ru-RU', 'ru'],
    ['ru', 'ru'],
    ['de-CH', 'de'],
    ['de-DE-1996', 'de'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['en-US-x-private', 'en'],
    ['en-u-ca-gregory', 'en'],
    ['  en-GB  ', 'en'],
    ['\tja-JP\n', 'ja'],
  ])('maps %j to %s', (input, code) => {
    expect(normalizeLocale(input)).toBe(code);
  });

  it.each([
    'es',
    'es-ES',
    'it',
    'nl-NL',
    'he',
    'iw',
    'und',
    'english',
    'e',
    'enx',
    'zhx',
    'zh!',
    '',
    '   ',
    '*',
    '-',
    '_',
    'en US',
    'en;q=0.9',
    'en-GB,en;q=0.8',
    '<script>',
    '../en',
    'en-toolongsubtag',
    'x'.repeat(10_000),
    `en-${'a'.repeat(10_000)}`,
    'ｅｎ',
  ])('has no supported code for %j', (input) => {
    expect(normalizeLocale(input)).toBeUndefined();
  });

  it('has no code for null or undefined', () => {
    expect(normalizeLocale(null)).toBeUndefined();
    expect(normalizeLocale(undefined)).toBeUndefined();
  });

  it('handles a very long tag made of valid subtags quickly', () => {
    const started = performance.now();
    expect(normalizeLocale(`zh${'-Hant'.repeat(20_000)}`)).toBe('zh-tw');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('returns a supported code or nothing, is idempotent, and ignores case and separators (property)', () => {
    const subtag = fc.oneof(
      fc.constantFrom('zh', 'en', 'pt', 'hans', 'hant', 'cn', 'tw', 'hk', 'br', 'x', 'yue', 'cmn'),
      fc.stringMatching(/^[A-Za-z0-9]{1,9}$/),
    );
    const tag = fc.array(subtag, { minLength: 1, maxLength: 5 }).map((tags) => tags.join('-'));
    fc.assert(
      fc.property(fc.oneof(tag, fc.string()), (input) => {
        const code = normalizeLocale(input);
        if (code !== undefined) {
          expect(SUPPORTED_LOCALES).toContain(code);
          expect(normalizeLocale(code)).toBe(code);
          expect(normalizeLocale(toBcp47(code))).toBe(code);
        }
        if (/^[\x20-\x7e]*$/.test(input)) {
          expect(normalizeLocale(input.toUpperCase())).toBe(code);
          expect(normalizeLocale(input.toLowerCase())).toBe(code);
          expect(normalizeLocale(input.replace(/-/g, '_'))).toBe(code);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('pickLocale', () => {
  it('takes the first candidate that is supported, not the "best" one', () => {
    expect(pickLocale(['es', 'fr-CA', 'de'])).toBe('fr');
    expect(pickLocale(['de', 'fr'])).toBe('de');
    expect(pickLocale(['zh-HK', 'zh-CN'])).toBe('zh-tw');
  });

  it('skips empty and missing candidates', () => {
    expect(pickLocale([null, undefined, '', '*', 'xx', 'ja-JP'])).toBe('ja');
  });

  it('has no answer when nothing is supported', () => {
    expect(pickLocale([])).toBeUndefined();
    expect(pickLocale(['es', 'it', null])).toBeUndefined();
  });

  it('agrees with normalizeLocale on the first candidate it accepts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('es', 'pt-BR', 'zh-Hant', 'xx', ''), fc.string({ maxLength: 8 }))), (list) => {
        const first = list.map((candidate) => normalizeLocale(candidate)).find((code) => code !== undefined);
        expect(pickLocale(list)).toBe(first);
      }),
    );
  });
});

describe('toBcp47', () => {
  it.each([
    ['zh-cn', 'zh-CN'],
    ['zh-tw', 'zh-TW'],
    ['en', 'en'],
    ['ja', 'ja'],
    ['ko', 'ko'],
    ['de', 'de'],
    ['fr', 'fr'],
    ['pt', 'pt'],
    ['ru', 'ru'],
  ] as const)('writes %s as %s, a canonical tag that normalizes back', (code, tag) => {
    expect(toBcp47(code)).toBe(tag);
    expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
    expect(normalizeLocale(tag)).toBe(code);
  });

  it('covers the nine codes, each with its own name', () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(['de', 'en', 'fr', 'ja', 'ko', 'pt', 'ru', 'zh-cn', 'zh-tw']);
    expect(Object.keys(LOCALE_NAMES).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    expect(new Set(Object.values(LOCALE_NAMES)).size).toBe(9);
  });
});
