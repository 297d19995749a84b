import type { LocaleCode } from '../api/wire';
import { toBcp47 } from './locales';

/** Weekday, date, time and time zone: "when does this open?" (the end-to-end tests format with the same options). */
export const LINK_MOMENT_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** The moment in the visitor's language and time zone. */
export function formatMoment(iso: string, locale: LocaleCode): string {
  return new Intl.DateTimeFormat(toBcp47(locale), LINK_MOMENT_FORMAT).format(new Date(iso));
}
