import type { i18n } from 'i18next';
import { NAMESPACE } from '../i18n/setup-i18n';

// The chat-link screens' texts in every language (about 0.5 KB gzip each), inside the chat-link chunk: that chunk is
// fetched in parallel with the link's config, so the texts cost /c/ pages no extra trip and /direct/ pages nothing.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/links.json', { eager: true, import: 'default' });

/** Merges them (under `errors.`) into a language whose chat messages are loaded; other languages get them on switch. */
export function addLinkMessages(instance: i18n, locale: string): void {
  const messages = files[`../../locales/${locale}/links.json`];
  if (!messages || !instance.hasResourceBundle(locale, NAMESPACE)) return;
  instance.addResourceBundle(locale, NAMESPACE, messages, true, false);
}
