import type { i18n } from 'i18next';
import { NAMESPACE } from '../i18n/setup-i18n';

// The deep-link screens' texts in every language, inside the deep-link chunk: that chunk is fetched in parallel with
// the link's config, so the texts cost /p/ pages no extra trip and /direct/ pages nothing.
const files = import.meta.glob<Record<string, unknown>>('../../locales/*/deep-links.json', { eager: true, import: 'default' });

/** Merges them into every language whose chat messages are loaded. */
export function addDeepLinkMessages(instance: i18n): void {
  for (const locale of Object.keys(instance.store.data)) {
    const messages = files[`../../locales/${locale}/deep-links.json`];
    if (messages && instance.hasResourceBundle(locale, NAMESPACE)) instance.addResourceBundle(locale, NAMESPACE, messages, true, false);
  }
}
