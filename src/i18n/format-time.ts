import type { LocaleCode } from '../api/wire';
import { toBcp47 } from './locales';

const formatters = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, locale: LocaleCode, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(toBcp47(locale), options);
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** Hours and minutes in the visitor's language; an unreadable timestamp shows nothing. */
export const formatTime = (iso: string, locale: LocaleCode): string => format(iso, locale, { hour: 'numeric', minute: '2-digit' });

/** Day and time in the visitor's language, for lists of conversations. */
export const formatDateTime = (iso: string, locale: LocaleCode): string =>
  format(iso, locale, { dateStyle: 'medium', timeStyle: 'short' });

