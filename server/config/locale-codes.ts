import type { LocaleCode } from '../../src/api/wire';

export const LOCALE_CODES: readonly LocaleCode[] = ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'];

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);
}

/** Case- and separator-insensitive match of one of the nine codes (`ZH_cn` → `zh-cn`); anything else → undefined. */
export function matchLocaleCode(value: string | null | undefined): LocaleCode | undefined {
  if (!value) return undefined;
  const folded = value.trim().toLowerCase().replace(/_/g, '-');
  return isLocaleCode(folded) ? folded : undefined;
}
