import { render } from 'preact';
import { App } from '../app';
import type { Boot } from './boot-context';
import { fetchAppConfig, requestDeepLinkConfig } from '../api/app-config-api';
import { readApiBase } from '../config/runtime-config';
import { parseDirectLink } from '../link/direct-link';
import { scrubIdentity } from '../link/scrub-identity';
import { createI18n, resolvedLocale, switchLanguage } from '../i18n/setup-i18n';
import { createBrowserStorage } from '../storage/safe-storage';
import { trackVisualViewport } from '../dom/track-visual-viewport';
import { appIdFromPath, deepLinkCodeFromPath } from '../routes';
import { preloadChatEngine } from '../chat/lazy-chat-engine';

/** Reads the link, scrubs identity from the address bar, loads language and config in parallel, then renders. */
export async function startPage(root: HTMLElement): Promise<void> {
  const link = parseDirectLink(location.search);
  history.replaceState(history.state, '', scrubIdentity(location.href));
  const storage = createBrowserStorage();
  const apiBase = readApiBase(document);
  const i18n = await createI18n(link.lang, storage);
  const locale = resolvedLocale(i18n);

  // The locale, the app config and the conversation engine travel in parallel: the first paint waits only for the
  // first two, and the engine fills the page in when it arrives.
  // A personal deep link's config and its screens' chunk travel alongside them too.
  const appId = appIdFromPath(location.pathname);
  const code = deepLinkCodeFromPath(location.pathname);
  if (appId || code) void preloadChatEngine().catch(() => undefined);
  const prefetchedConfig = appId ? { appId, result: fetchAppConfig({ base: apiBase, appId }, locale) } : undefined;
  const prefetchedDeepLink = code ? { code, result: requestDeepLinkConfig(apiBase, code, locale) } : undefined;
  await Promise.all([
    switchLanguage(i18n, locale),
    prefetchedConfig?.result.catch(() => undefined),
    prefetchedDeepLink?.result.catch(() => undefined),
    code ? import('../pages/deep-link-route').catch(() => undefined) : undefined,
  ]);

  trackVisualViewport(document.documentElement);
  const boot: Boot = { apiBase, storage, link, prefetchedConfig, prefetchedDeepLink };
  root.textContent = '';
  render(<App boot={boot} i18n={i18n} />, root);
}
