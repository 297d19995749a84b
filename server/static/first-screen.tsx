import i18next, { type i18n } from 'i18next';
import { renderToString } from 'preact-render-to-string';
import type { AppConfig, LocaleCode } from '../../src/api/wire';
import { createLazyChatEngine } from '../../src/chat/lazy-chat-engine';
import { accentStyle } from '../../src/config/accent-color';
import { I18nContext } from '../../src/i18n/use-t';
import { SUPPORTED_LOCALES, isSupportedLocale } from '../../src/i18n/locales';
import { NAMESPACE, TRANSLATOR_OPTIONS } from '../../src/i18n/setup-i18n';
import { ChatPage } from '../../src/pages/chat-page';
import { createSafeStorage } from '../../src/storage/safe-storage';

const messages = import.meta.glob<Record<string, unknown>>('../../locales/*/chat.json', { eager: true, import: 'default' });
const translators = new Map<LocaleCode, i18n>();

/** A translator for one language, set up as the page's is, with its messages at hand. */
function translatorFor(locale: LocaleCode): i18n {
  let instance = translators.get(locale);
  if (!instance) {
    const bundle = messages[`../../locales/${locale}/chat.json`];
    if (!bundle) throw new Error(`no messages for ${locale}`);
    instance = i18next.createInstance();
    void instance.init({ ...TRANSLATOR_OPTIONS, lng: locale, resources: { [locale]: { [NAMESPACE]: bundle } }, initAsync: false });
    translators.set(locale, instance);
  }
  return instance;
}

const nothing = () => undefined;

/**
 * The chat's first screen as the page's first render draws it for this app and language (ChatRoute with its config
 * at hand, the conversation engine not yet loaded): the same components, rendered to HTML. Preact escapes every
 * string it writes. `embedded`: the address asks for the embed frame (?embed=1), whose header has a close button.
 * Inert: nothing in it can be focused or clicked (or read out) before the page replaces it with the live screen.
 */
export function renderFirstScreen(config: AppConfig, locale: LocaleCode, embedded: boolean): string {
  const engine = createLazyChatEngine({ apiBase: '', appId: config.appId, locale: () => locale, storage: createSafeStorage(() => null) });
  const locales = config.locales.filter(isSupportedLocale);
  return renderToString(
    <I18nContext.Provider value={translatorFor(locale)}>
      <div class="app-root" style={accentStyle(config.branding.accentColor)} inert>
        <ChatPage
          controller={engine}
          config={config}
          locales={locales.length > 0 ? locales : SUPPORTED_LOCALES}
          onLanguageChange={nothing}
          onRestart={nothing}
          embedded={embedded}
        />
      </div>
    </I18nContext.Provider>,
  );
}
