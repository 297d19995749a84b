import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { i18n, TFunction } from 'i18next';
import type { LocaleCode } from '../api/wire';
import { resolvedLocale } from './setup-i18n';

export const I18nContext = createContext<i18n | null>(null);

export interface Translation {
  t: TFunction;
  locale: LocaleCode;
  i18n: i18n;
}

/** The active translator; re-renders the caller when the language changes. */
export function useT(): Translation {
  const instance = useContext(I18nContext);
  if (!instance) throw new Error('useT needs an I18nContext provider');
  const [, setLanguage] = useState(instance.language);
  useEffect(() => {
    const onChange = (language: string) => setLanguage(language);
    instance.on('languageChanged', onChange);
    return () => instance.off('languageChanged', onChange);
  }, [instance]);
  return { t: instance.t, locale: resolvedLocale(instance), i18n: instance };
}
