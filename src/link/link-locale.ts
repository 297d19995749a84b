import type { LocaleCode } from '../api/wire';
import { isSupportedLocale } from '../i18n/locales';

/** Set by the server that serves `/c/<slug>` for a fixed-locale link, so the right language loads first. */
export const LINK_LOCALE_META = 'direct-chat:link-locale';

/** The language a link imposes: one of the page's codes; '*' (multilingual), unknown or missing gives undefined. */
export function fixedLinkLocale(locale: unknown): LocaleCode | undefined {
  return typeof locale === 'string' && isSupportedLocale(locale) ? locale : undefined;
}

export const readLinkLocaleHint = (doc: Document): LocaleCode | undefined =>
  fixedLinkLocale(doc.querySelector(`meta[name="${LINK_LOCALE_META}"]`)?.getAttribute('content'));
