import type { LocaleCode } from '../api/wire';

export const SUPPORTED_LOCALES: readonly LocaleCode[] = ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'];
export const FALLBACK_LOCALE: LocaleCode = 'en';

export function isSupportedLocale(value: string): value is LocaleCode {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 form for <html lang> and Intl: zh-cn → zh-CN. */
export function toBcp47(locale: LocaleCode): string {
  return locale.startsWith('zh-') ? `zh-${locale.slice(3).toUpperCase()}` : locale;
}
