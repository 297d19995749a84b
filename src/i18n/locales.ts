import type { LocaleCode } from '../api/wire';

export const SUPPORTED_LOCALES: readonly LocaleCode[] = ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'];
export const FALLBACK_LOCALE: LocaleCode = 'en';

/** Each language by its own name, as a visitor looking for theirs would read it. */
export const LOCALE_NAMES: Record<LocaleCode, string> = {
  'zh-cn': '简体中文',
  'zh-tw': '繁體中文',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  de: 'Deutsch',
  fr: 'Français',
  pt: 'Português',
  ru: 'Русский',
};

export function isSupportedLocale(value: string): value is LocaleCode {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 form for <html lang> and Intl: zh-cn → zh-CN. */
export function toBcp47(locale: LocaleCode): string {
  return locale.startsWith('zh-') ? `zh-${locale.slice(3).toUpperCase()}` : locale;
}
