import type { LocaleCode } from '../api/wire';
import { FALLBACK_LOCALE, toBcp47 } from '../i18n/locales';
import { normalizeLocale } from '../i18n/normalize-locale';
import { createBrowserStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';

/** The language asked for, in the page's usual order (?lang, the stored choice, the browser's), without i18next. */
export function requestedLocale(lang: string | null, stored: string | null, browser: readonly string[]): LocaleCode {
  for (const candidate of [lang, stored, ...browser]) {
    const locale = candidate ? normalizeLocale(candidate) : undefined;
    if (locale) return locale;
  }
  return FALLBACK_LOCALE;
}

/** index.html's static notice for a page that could not even load its language: in the visitor's language. */
export function showBootError(doc: Document = document): void {
  const locale = requestedLocale(
    new URLSearchParams(location.search).get('lang'),
    createBrowserStorage().get(storageKeys.languageChoice),
    navigator.languages ?? [],
  );
  const box = doc.getElementById('boot-error');
  if (!box) return;
  doc.body.classList.add('boot-failed');
  box.hidden = false;
  const paragraph = box.querySelector<HTMLElement>(`p[lang="${toBcp47(locale)}"]`) ?? box.querySelector<HTMLElement>('p[lang="en"]');
  if (paragraph) paragraph.hidden = false;
  doc.documentElement.lang = toBcp47(locale);
}
