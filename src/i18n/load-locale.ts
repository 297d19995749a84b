import type { LocaleCode } from '../api/wire';

export type LocaleMessages = Record<string, unknown>;

// One chunk per locale: only the active language is ever downloaded.
const loaders = import.meta.glob<LocaleMessages>('../../locales/*/chat.json', { import: 'default' });

export function loadLocaleMessages(locale: LocaleCode): Promise<LocaleMessages> {
  const load = loaders[`../../locales/${locale}/chat.json`];
  return load ? load() : Promise.reject(new Error(`no messages for ${locale}`));
}
