import type { LocaleCode } from '../api/wire';
import type { LocalePart, Messages } from './locale-parts';

// One chunk per language and part: only the active language is ever downloaded, its first-screen part first.
const loaders: Record<LocalePart, Record<string, () => Promise<Messages>>> = {
  firstScreen: import.meta.glob<Messages>('../../locales/*/chat.json', { query: { part: 'firstScreen' }, import: 'default' }),
  rest: import.meta.glob<Messages>('../../locales/*/chat.json', { query: { part: 'rest' }, import: 'default' }),
};

export function loadLocaleMessages(locale: LocaleCode, part: LocalePart): Promise<Messages> {
  const load = loaders[part][`../../locales/${locale}/chat.json`];
  return load ? load() : Promise.reject(new Error(`no messages for ${locale}`));
}
