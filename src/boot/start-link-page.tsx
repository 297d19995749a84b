import { requestLinkConfig } from '../api/link-config';
import { createI18n, resolvedLocale, switchLanguage } from '../i18n/setup-i18n';
import { readLinkLocaleHint } from '../link/link-locale';
import { prepareLinkPage } from '../pages/link-route';
import { linkSlugFromPath } from '../link/link-slug';
import { readPage, renderPage } from './page-boot';

/**
 * `/c/<slug>`: the link's config (slug → app, state, branding) travels with the locale, as an app's config does on
 * /direct/ pages. A fixed-locale link beats ?lang: the server names its language in the
 * page it serves, so that language file is the first one fetched.
 */
export async function startLinkPage(root: HTMLElement): Promise<void> {
  const page = readPage();
  const i18n = await createI18n(readLinkLocaleHint(document) ?? page.linkLang, page.storage);
  const locale = resolvedLocale(i18n);
  const slug = linkSlugFromPath(location.pathname);
  const config = slug ? requestLinkConfig(page.apiBase, slug, locale) : undefined;
  // Its refusal (an unknown slug) is read after the language loads: until then it must not count as unhandled.
  config?.catch(() => undefined);
  await switchLanguage(i18n, locale);
  renderPage(root, { ...page, linkRoute: await prepareLinkPage(i18n, slug, config) }, i18n);
}

// A personal deep link made for a chat link borrows the link screens from this chunk (no chunk of their own, whose
// name the entry would have to carry).
export { addLinkMessages } from '../pages/link-messages';
export { linkFailureScreen } from '../pages/link-failure-screen';
export { fixedLinkLocale } from '../link/link-locale';
