import type { LocaleCode } from '../api/wire';
import { dayKey } from '../chat/bubble-layout';
import { toBcp47 } from './locales';

const DAY_MS = 86_400_000;

/**
 * A date separator's words: "Today" and "Yesterday" (from Intl, so every language has them without a translation
 * file), the weekday within the last week, otherwise the date, with the year only when it is not this year.
 */
export function formatDay(iso: string, locale: LocaleCode, now = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const tag = toBcp47(locale);
  const day = dayKey(time);
  const daysAgo = day === dayKey(now) ? 0 : day === dayKey(now - DAY_MS) ? 1 : undefined;
  if (daysAgo !== undefined) {
    const words = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }).format(-daysAgo, 'day');
    return words.charAt(0).toLocaleUpperCase(tag) + words.slice(1);
  }
  const date = new Date(time);
  const options: Intl.DateTimeFormatOptions =
    time < now && now - time < 6 * DAY_MS
      ? { weekday: 'long' }
      : { day: 'numeric', month: 'long', ...(date.getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' }) };
  return new Intl.DateTimeFormat(tag, options).format(date);
}
