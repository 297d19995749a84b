import { render } from 'preact';
import { App } from '../app';
import type { Boot } from './boot-context';
import { fetchAppConfig, requestLinkConfig } from '../api/chat-api';
import { readApiBase } from '../config/runtime-config';
import { parseDirectLink } from '../link/direct-link';
import { scrubIdentity } from '../link/scrub-identity';
import { createI18n, resolvedLocale, switchLanguage } from '../i18n/setup-i18n';
import { createBrowserStorage } from '../storage/safe-storage';
import { trackVisualViewport } from '../dom/track-visual-viewport';
import { appIdFromPath, linkSlugFromPath } from '../routes';
import { fixedLinkLocale, readLinkLocaleHint } from '../link/link-locale';

/** Reads the link, scrubs identity from the address bar, loads language and config in parallel, then renders. */
export async function startPage(root: HTMLElement): Promise<void> {
  const link = parseDirectLink(location.search);
  history.replaceState(history.state, '', scrubIdentity(location.href));
  const storage = createBrowserStorage();
  const apiBase = readApiBase(document);
  // A fixed-locale chat link beats ?lang; the server that serves /c/<slug> names it in the page (no extra trip).
  const i18n = await createI18n(readLinkLocaleHint(document) ?? link.lang, storage);
  const locale = resolvedLocale(i18n);

  // The locale and the app config travel in parallel: no extra round trip before the first paint.
  const appId = appIdFromPath(location.pathname);
  const prefetchedConfig = appId ? { appId, result: fetchAppConfig({ base: apiBase, appId }, locale) } : undefined;
  const slug = linkSlugFromPath(location.pathname);
  const prefetchedLink = slug ? { slug, result: requestLinkConfig(apiBase, slug, locale) } : undefined;
  const [, , linkConfig, linkPage] = await Promise.all([
    switchLanguage(i18n, locale),
    prefetchedConfig?.result.catch(() => undefined),
    prefetchedLink?.result.catch(() => undefined),
    // The chat-link screens are their own chunk, fetched alongside: no extra trip, and nothing for /direct/ pages.
    slug ? import('../pages/link-route').catch(() => undefined) : undefined,
  ]);
  // Without the hint (a page hosted elsewhere), a fixed-locale link costs one more trip for its language file.
  const linkLocale = fixedLinkLocale((linkConfig as { link?: { locale?: unknown } } | undefined)?.link?.locale);
  if (linkLocale && linkLocale !== locale) await switchLanguage(i18n, linkLocale).catch(() => undefined);
  linkPage?.addLinkMessages(i18n, resolvedLocale(i18n));

  trackVisualViewport(document.documentElement);
  const boot: Boot = { apiBase, storage, link, prefetchedConfig, prefetchedLink };
  root.textContent = '';
  render(<App boot={boot} i18n={i18n} />, root);
}
