import type { LocaleCode } from '../../../src/api/wire';

const NAMES: Record<LocaleCode, string> = {
  'zh-cn': 'Chinese (Simplified)',
  'zh-tw': 'Chinese (Traditional)',
  en: 'English',
  ja: 'Japanese',
  ko: 'Korean',
  de: 'German',
  fr: 'French',
  pt: 'Portuguese',
  ru: 'Russian',
};

export function languageName(code: string): string {
  return Object.hasOwn(NAMES, code) ? NAMES[code as LocaleCode] : code;
}
