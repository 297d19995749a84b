import type { LocaleCode, PublicChatLink } from '../api/wire';
import { isSupportedLocale } from '../i18n/locales';

/** Set by the server that serves `/c/<slug>` for a fixed-locale link, so the right language loads first. */
export const LINK_LOCALE_META = 'direct-chat:link-locale';

export function readLinkLocaleHint(doc: Document): LocaleCode | undefined {
  const value = doc.querySelector(`meta[name="${LINK_LOCALE_META}"]`)?.getAttribute('content') ?? '';
  return isSupportedLocale(value) ? value : undefined;
}

/** The language a link imposes, or undefined for a multilingual link ('*', or a code this page does not know). */
export function fixedLinkLocale(link: Pick<PublicChatLink, 'locale'>): LocaleCode | undefined {
  return link.locale !== '*' && isSupportedLocale(link.locale) ? link.locale : undefined;
}
