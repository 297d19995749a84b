// The first render has only the first-screen part of a language's messages (src/i18n/locale-parts.ts): everything
// it can show must be in that part, or the visitor reads a message key until the rest arrives.
import { render } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/api/wire';
import { createLazyChatEngine } from '../../src/chat/lazy-chat-engine';
import { ErrorScreen } from '../../src/components/error-screen';
import { LoadingSkeleton } from '../../src/components/loading-skeleton';
import { FIRST_SCREEN_PATHS, splitMessages, type Messages } from '../../src/i18n/locale-parts';
import { SUPPORTED_LOCALES } from '../../src/i18n/locales';
import { I18nContext } from '../../src/i18n/use-t';
import { NAMESPACE, createI18n } from '../../src/i18n/setup-i18n';
import { ChatPage } from '../../src/pages/chat-page';
import { createSafeStorage } from '../../src/storage/safe-storage';
import type { LocaleCode } from '../../src/api/wire';

const config: AppConfig = {
  appId: 'first_screen',
  name: 'Shop',
  locales: [...SUPPORTED_LOCALES],
  defaultLocale: 'en',
  branding: {
    title: 'Shop support',
    accentColor: '#0f766e',
    logoUrl: 'https://example.com/logo.png',
    welcome: 'Hello',
    replyTime: 'Replies in minutes',
    quickReplies: ['Where is my order?'],
  },
  team: [{ name: 'Ana' }, { name: 'Ben' }],
};

const messagesOf = async (locale: LocaleCode): Promise<Messages> => (await import(`../../locales/${locale}/chat.json`)).default;
const keysOf = (tree: Messages, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`.replace(/_(zero|one|two|few|many|other)$/, '')] : keysOf(value, `${prefix}${key}.`)));

/** A translator holding only the first-screen part, as the page's is at its first render. */
async function firstScreenTranslator(locale: LocaleCode): Promise<i18n> {
  const instance = await createI18n(locale, createSafeStorage(() => null));
  instance.addResourceBundle(locale, NAMESPACE, splitMessages(await messagesOf(locale), FIRST_SCREEN_PATHS).firstScreen, true, true);
  await instance.changeLanguage(locale);
  return instance;
}

/** Every text the visitor can see or hear: content and the attributes that name things. */
function shown(container: Element): string {
  const attributes = [...container.querySelectorAll('*')].flatMap((element) =>
    ['aria-label', 'alt', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [container.textContent ?? '', ...attributes, document.title].join('\n');
}

afterEach(() => {
  document.title = '';
});

describe('the first screen in every language, with only its first-screen messages', () => {
  it.each(SUPPORTED_LOCALES)('%s: shows no message key', async (locale) => {
    const translator = await firstScreenTranslator(locale);
    const keys = keysOf(await messagesOf(locale));
    const engine = createLazyChatEngine({ apiBase: '', appId: config.appId, locale: () => locale, storage: createSafeStorage(() => null) });
    const screens = [
      <ChatPage controller={engine} config={config} locales={config.locales} onLanguageChange={() => undefined} onRestart={() => undefined} embedded />,
      <LoadingSkeleton />,
      <ErrorScreen kind="network" action={{ label: translator.t('errors.tryAgain'), onClick: () => undefined }} />,
      <ErrorScreen kind="server" />,
    ];
    for (const screen of screens) {
      // Read at once: the page's later parts (and the rest of the messages) are asked for after this render.
      const view = render(<I18nContext.Provider value={translator}>{screen}</I18nContext.Provider>);
      const text = shown(view.container);
      expect(keys.filter((key) => text.includes(key))).toEqual([]);
      view.unmount();
    }
    engine.dispose();
  });
});
