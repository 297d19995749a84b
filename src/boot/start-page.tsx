import { fetchAppConfig, requestDeepLinkConfig } from '../api/app-config-api';
import type { Boot } from './boot-context';
import { readInlinedConfig } from './inlined-config';
import { completeLanguage, createI18n, resolvedLocale, switchLanguage } from '../i18n/setup-i18n';
import { appIdFromPath, deepLinkCodeFromPath } from '../routes';
import { readPage, renderPage } from './page-boot';

/** Reads the link, scrubs identity from the address bar, loads language and config in parallel, then renders. */
export async function startPage(root: HTMLElement): Promise<void> {
  // A chat link boots from its own chunk (the server preloads it with the page): /direct/ pages carry none of it.
  if (location.pathname.startsWith('/c/')) return (await import('./start-link-page')).startLinkPage(root);
  const page = readPage();
  const i18n = await createI18n(page.linkLang, page.storage);
  const locale = resolvedLocale(i18n);

  // The locale and the app config travel in parallel (the server announced both with the page); the conversation
  // engine is asked for by the page's first effect, after the first paint, and fills the page in when it arrives.
  // A personal deep link's config and its screens' chunk travel alongside the locale and config.
  const appId = appIdFromPath(location.pathname);
  const code = deepLinkCodeFromPath(location.pathname);
  // A server that wrote the first screen wrote the config it drew it with into the page too: no request for it.
  const prefetchedConfig: Boot['prefetchedConfig'] = appId
    ? { appId, result: Promise.resolve(readInlinedConfig(document, appId, locale) ?? fetchAppConfig({ base: page.apiBase, appId }, locale)) }
    : undefined;
  const prefetchedDeepLink = code ? { code, result: requestDeepLinkConfig(page.apiBase, code, locale) } : undefined;
  // An app's chat needs only its first screen's messages before it renders (the rest follow the first paint); any
  // other first screen (an error, a deep link's) gets them all.
  const [, config] = await Promise.all([
    switchLanguage(i18n, locale, appId ? ['firstScreen'] : undefined),
    prefetchedConfig?.result.catch(() => undefined),
    prefetchedDeepLink?.result.catch(() => undefined),
    code ? import('../pages/deep-link-route').catch(() => undefined) : undefined,
  ]);
  if (appId && !config) await completeLanguage(i18n);
  // The config at hand, the first render draws the chat, not a skeleton (in place of the screen a server may have written).
  if (prefetchedConfig) prefetchedConfig.config = config;
  renderPage(root, { ...page, prefetchedConfig, prefetchedDeepLink }, i18n);
}
