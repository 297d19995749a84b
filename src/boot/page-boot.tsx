// What the /direct/ and /c/ boots share: reading the page's link and rendering the app.
import { render } from 'preact';
import { App } from '../app';
import type { Boot } from './boot-context';
import { readApiBase } from '../config/runtime-config';
import { readLinkLanguage } from '../link/link-language';
import { scrubIdentity } from '../link/scrub-identity';
import type { createI18n } from '../i18n/setup-i18n';
import { createBrowserStorage } from '../storage/safe-storage';
import { trackVisualViewport } from '../dom/track-visual-viewport';

/** What every page reads first: the link (then scrubbed of identity in the address bar), storage, the API base. */
export function readPage(): Pick<Boot, 'linkSearch' | 'linkLang' | 'storage' | 'apiBase'> {
  const linkSearch = location.search;
  history.replaceState(history.state, '', scrubIdentity(location.href));
  return { linkSearch, linkLang: readLinkLanguage(linkSearch), storage: createBrowserStorage(), apiBase: readApiBase(document) };
}

export function renderPage(root: HTMLElement, boot: Boot, i18n: Awaited<ReturnType<typeof createI18n>>): void {
  trackVisualViewport(document.documentElement);
  root.textContent = '';
  render(<App boot={boot} i18n={i18n} />, root);
}
