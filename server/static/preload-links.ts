import { readdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { normalizeLocale } from '../../src/i18n/normalize-locale';
import { FALLBACK_LOCALE } from '../../src/i18n/locales';
import type { LocaleCode } from '../../src/api/wire';

export interface PreloadRequest {
  appId: string;
  /** The page address's query string, with or without "?". */
  search: string;
  acceptLanguage?: string;
  /** The file names in the page's assets/ folder. */
  assets: readonly string[];
  /** The page's API base when it is a path on this origin; undefined when the API lives elsewhere. */
  apiPath?: string;
  /** A chat link's page (/c/<slug>): its config is the link's, and a fixed-locale link names the language. */
  link?: { slug: string; locale?: LocaleCode };
}

/** The language the page will pick, as far as the server can tell: ?lang, then the browser's languages, then en. */
export function guessPageLocale(search: string, acceptLanguage = ''): LocaleCode {
  const lang = new URLSearchParams(search).get('lang');
  const fromLink = normalizeLocale(lang);
  if (fromLink) return fromLink;
  const ranked = acceptLanguage
    .split(',')
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(';');
      const q = Number(/^\s*q=([0-9.]+)\s*$/.exec(params.find((p) => /^\s*q=/.test(p)) ?? '')?.[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = normalizeLocale(tag);
    if (locale) return locale;
  }
  return FALLBACK_LOCALE;
}

/**
 * A `Link` header announcing what the first paint waits for besides the entry script: the app config (the URL the
 * page builds, so the browser can hand the preloaded answer over) and the locale chunk. The browser starts them with
 * the HTML instead of after the entry script has run.
 */
export function preloadLinks({ appId, search, acceptLanguage, assets, apiPath, link }: PreloadRequest): string | undefined {
  const locale = link?.locale ?? guessPageLocale(search, acceptLanguage);
  const links: string[] = [];
  if (apiPath !== undefined) {
    const resource = link ? `links/${encodeURIComponent(link.slug)}` : `apps/${encodeURIComponent(appId)}`;
    const config = `${apiPath}/${resource}/config?${new URLSearchParams({ locale })}`;
    links.push(`<${config}>; rel=preload; as=fetch; crossorigin`);
  }
  // Not the engine: it would share the connection with the entry script, which the first paint waits for.
  const localeChunk = localeChunkUrl(assets, locale);
  if (localeChunk) links.push(`<${localeChunk}>; rel=modulepreload`);
  // A chat link's page boots from its own chunk: announced too, so it costs no trip after the entry script.
  const linkChunk = link && assets.find((name) => name.startsWith('start-link-page-') && name.endsWith('.js'));
  if (linkChunk) links.push(`</direct/assets/${linkChunk}>; rel=modulepreload`);
  return links.length > 0 ? links.join(', ') : undefined;
}

/** The address of the page's first-screen language file for `locale` in this build, if there is one. */
export function localeChunkUrl(assets: readonly string[], locale: LocaleCode): string | undefined {
  const chunk = assets.find((name) => name.startsWith(`locale-${locale}-`) && name.endsWith('.js'));
  return chunk && `/direct/assets/${chunk}`;
}

const API_BASE_META = /<meta\s+name=["']direct-chat:api-base["']\s+content=["']([^"']*)["']/i;

/** The page's API base when index.html keeps it on this origin ("/api"); undefined for another host. */
export function apiPathFromIndexHtml(html: string): string | undefined {
  const base = API_BASE_META.exec(html)?.[1]?.trim() ?? '/api';
  return /^\/(?!\/)[A-Za-z0-9_\-./]*$/.test(base) ? base.replace(/\/+$/, '') : undefined;
}

/**
 * The Link header for one request of the page of `appId`, and the language file of a locale; the assets are listed
 * once (a build means a restart).
 */
export function createPagePreloads(pageRoot: string) {
  let assets: string[] | undefined;
  const listAssets = (): readonly string[] | undefined => {
    try {
      assets ??= readdirSync(join(pageRoot, 'assets'));
    } catch {
      return undefined;
    }
    return assets;
  };
  return {
    linkHeader(request: IncomingMessage, appId: string, indexHtml: string, link?: PreloadRequest['link']): string | undefined {
      const listed = listAssets();
      if (!listed) return undefined;
      const search = (request.url ?? '').split('?')[1] ?? '';
      const acceptLanguage = request.headers['accept-language'];
      return preloadLinks({ appId, search, acceptLanguage, assets: listed, apiPath: apiPathFromIndexHtml(indexHtml), link });
    },
    localeChunk: (locale: LocaleCode): string | undefined => localeChunkUrl(listAssets() ?? [], locale),
  };
}
