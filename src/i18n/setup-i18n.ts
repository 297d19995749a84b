import i18next, { type InitOptions, type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import type { LocaleCode } from '../api/wire';
import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';
import { FALLBACK_LOCALE, SUPPORTED_LOCALES, isSupportedLocale, toBcp47 } from './locales';
import { normalizeLocale } from './normalize-locale';
import { DETECTION_ORDER } from './detection';
import { loadLocaleMessages } from './load-locale';
import type { LocalePart } from './locale-parts';

export const NAMESPACE = 'chat';

/** The link's ?lang and the visitor's stored choice as lookups of their own (DETECTION_ORDER; en when none fits). */
function createDetector(linkLang: string | undefined, storage: SafeStorage): LanguageDetector {
  const detector = new LanguageDetector();
  detector.addDetector({ name: 'directLink', lookup: () => linkLang });
  detector.addDetector({ name: 'storedChoice', lookup: () => storage.get(storageKeys.languageChoice) ?? undefined });
  return detector;
}

/** How the page translates; the server's first screen (server/static/first-screen.tsx) translates the same way. */
export const TRANSLATOR_OPTIONS = {
  supportedLngs: [...SUPPORTED_LOCALES],
  lowerCaseLng: true,
  load: 'currentOnly',
  // No fallback language to fetch: every locale carries every key (a test checks it).
  fallbackLng: false,
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  interpolation: { escapeValue: false },
  returnNull: false,
} satisfies InitOptions;

export function resolvedLocale(instance: i18n): LocaleCode {
  const language = instance.language;
  return language && isSupportedLocale(language) ? language : FALLBACK_LOCALE;
}

/** Creates the i18next instance and detects the language; fetches nothing (switchLanguage loads the messages). */
export async function createI18n(linkLang: string | undefined, storage: SafeStorage): Promise<i18n> {
  const instance = i18next.createInstance();
  instance.use(createDetector(linkLang, storage));
  await instance.init({
    ...TRANSLATOR_OPTIONS,
    resources: {},
    partialBundledLanguages: true,
    detection: {
      order: DETECTION_ORDER,
      caches: [],
      convertDetectedLanguage: (code: string) => normalizeLocale(code) ?? code,
    },
  });
  return instance;
}

// The parts of each language an instance holds already, as `<code>:<part>`.
const loadedParts = new WeakMap<i18n, Set<string>>();

async function addParts(instance: i18n, locale: LocaleCode, parts: readonly LocalePart[]): Promise<void> {
  const loaded = loadedParts.get(instance) ?? new Set<string>();
  loadedParts.set(instance, loaded);
  const missing = parts.filter((part) => !loaded.has(`${locale}:${part}`));
  const messages = await Promise.all(missing.map((part) => loadLocaleMessages(locale, part)));
  missing.forEach((part, i) => {
    instance.addResourceBundle(locale, NAMESPACE, messages[i], true, true);
    loaded.add(`${locale}:${part}`);
  });
}

/** Switches to `locale` once its messages are here: all of them unless only the first screen's are asked for. */
export async function switchLanguage(instance: i18n, locale: LocaleCode, parts: readonly LocalePart[] = ['firstScreen', 'rest']): Promise<void> {
  await addParts(instance, locale, parts);
  await instance.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = toBcp47(locale);
}

/** The rest of the active language's messages, for what the page shows after its first screen. */
export const completeLanguage = (instance: i18n): Promise<void> => addParts(instance, resolvedLocale(instance), ['rest']);
