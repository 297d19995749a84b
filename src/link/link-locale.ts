import type { LocaleCode } from '../api/wire';
import { isSupportedLocale } from '../i18n/locales';

/** Set by the server that serves `/c/<slug>` for a fixed-locale link, so the right language loads first. */
export const LINK_LOCALE_META = 'direct-chat:link-locale';

/** The language a link imposes: one of the page's codes; '*' (multilingual), unknown or missing gives undefined. */
export function fixedLinkLocale(locale: unknown): LocaleCode | undefined {
  return typeof locale === 'string' && isSupportedLocale(locale) ? locale : undefined;
}

/** The hint as written; the language detector normalizes it like `?lang` (an unknown value falls through). */
export const readLinkLocaleHint = (doc: Document): string | undefined =>
  doc.querySelector<HTMLMetaElement>(`meta[name="${LINK_LOCALE_META}"]`)?.content;
