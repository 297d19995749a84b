import type { LocaleCode } from '../api/wire';
import { toBcp47 } from './locales';

const formatters = new Map<LocaleCode, Intl.DateTimeFormat>();

/** Hours and minutes in the visitor's language; an unreadable timestamp shows nothing. */
export function formatTime(iso: string, locale: LocaleCode): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(toBcp47(locale), { hour: 'numeric', minute: '2-digit' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}
