import type { LocaleCode } from '../api/wire';

/** Each language by its own name, as a visitor looking for theirs would read it (only the language menu shows them). */
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
