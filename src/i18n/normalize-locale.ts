import type { LocaleCode } from '../api/wire';
import { isSupportedLocale } from './locales';

const TRADITIONAL_CHINESE = new Set(['hant', 'tw', 'hk', 'mo']);
const SIMPLIFIED_CHINESE = new Set(['hans', 'cn', 'sg', 'my']);
// Chinese spoken languages whose written default is Traditional (Cantonese) or Simplified (Mandarin, Wu...).
const CHINESE_PRIMARY: Record<string, LocaleCode> = { zh: 'zh-cn', cmn: 'zh-cn', wuu: 'zh-cn', yue: 'zh-tw' };

/**
 * Any language tag or alias → one of the nine supported codes, or undefined.
 * Case- and separator-insensitive: pt_BR, PT-br and pt-BR are all pt.
 */
export function normalizeLocale(input: string | null | undefined): LocaleCode | undefined {
  if (!input) return undefined;
  const subtags = input.trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  if (subtags.length === 0 || subtags.some((tag) => !/^[a-z0-9]{1,8}$/.test(tag))) return undefined;
  const [primary, ...rest] = subtags;

  const chinese = CHINESE_PRIMARY[primary];
  if (chinese) {
    // The script decides before the region: zh-Hant-CN is Traditional, zh-Hans-HK is Simplified.
    if (rest.includes('hant')) return 'zh-tw';
    if (rest.includes('hans')) return 'zh-cn';
    if (rest.some((tag) => TRADITIONAL_CHINESE.has(tag))) return 'zh-tw';
    if (rest.some((tag) => SIMPLIFIED_CHINESE.has(tag))) return 'zh-cn';
    return chinese;
  }
  return isSupportedLocale(primary) ? primary : undefined;
}

/** The first candidate that normalizes to a supported code, in the order given. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): LocaleCode | undefined {
  for (const candidate of candidates) {
    const locale = normalizeLocale(candidate);
    if (locale) return locale;
  }
  return undefined;
}
