import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import type { LocaleCode } from '../../src/api/wire';
import { LINK_SLUG_PATTERN } from '../../src/api/limits';
import type { AppsById, HostedApp } from '../config/apps-config';
import { publicAppConfig } from '../config/public-app-config';
import { DEEP_LINK_CODE_PATTERN } from '../deep-links/deep-link-code';
import { ApiError } from '../http/api-error';
import { parseRequestTarget } from '../http/request-target';
import { applyHeaders, chatPageHeaders, consoleHeaders, type HeaderSet } from '../http/security-headers';
import { apiOriginFromIndexHtml, styleHashesFromCspJson } from './page-csp-extras';
import { encodedBody, FileCache, preferredEncoding, type StaticFile } from './file-cache';
import { pageWithLinkLocale } from './link-locale-page';
import { pageWithFirstScreen, type FirstScreenPage } from './first-screen-page';
import { createPagePreloads, guessPageLocale } from './preload-links';

/** What the server knows of a chat link's page before the page runs. */
export interface LinkPageHints {
  appId: string;
  /** The language a fixed-locale link imposes; absent for a multilingual one. */
  locale?: LocaleCode;
}

export interface StaticSiteOptions {
  /** Holds direct/ (the page, base /direct/) and console/ (base /console/). */
  distDir: string;
  apps: AppsById;
  /** The app and language of a chat link (/c/<slug>), undefined for an unknown slug. */
  linkPage?: (slug: string) => Promise<LinkPageHints | undefined>;
  /** The first screen could not be rendered (the plain page is served instead): for the operator's log. */
  onFirstScreenError?: (error: unknown, appId: string) => void;
}

/** Written by the page build (scripts/vite-inline-css.ts): the hashes of the inline styles it put in index.html. */
const CSP_FILE = 'csp.json';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built page and console. /direct/<anything> and /p/<code> (a personal deep link) are the page's SPA entry
 * (its assets are files), / redirects to the first app, unknown paths get the page's index.html with 404 so the SPA
 * shows "not found".
 */
export function createStaticSite(options: StaticSiteOptions) {
  const files = new FileCache();
  const pageRoot = join(options.distDir, 'direct');
  const consoleRoot = join(options.distDir, 'console');
  const firstAppId = options.apps.keys().next().value as string;
  const preloads = createPagePreloads(pageRoot);

  async function pageHeaders(appId: string | undefined, inline: Partial<Pick<FirstScreenPage, 'styleHashes' | 'scriptHashes'>> = {}): Promise<HeaderSet> {
    const index = await files.read(join(pageRoot, 'index.html'));
    const apiOrigin = index && apiOriginFromIndexHtml(index.body.toString('utf8'));
    const cspJson = await files.read(join(pageRoot, CSP_FILE));
    const app = appId === undefined ? undefined : options.apps.get(appId);
    return chatPageHeaders({
      frameAncestors: app?.allowedOrigins ?? [],
      connectOrigins: apiOrigin ? [apiOrigin] : [],
      styleHashes: [...(cspJson ? styleHashesFromCspJson(cspJson.body.toString('utf8')) : []), ...(inline.styleHashes ?? [])],
      scriptHashes: inline.scriptHashes,
    });
  }

  return async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const segments = safeTarget(request);
    const area = segments?.[0];
    const linkSlug = area === 'c' && segments?.length === 2 ? segments[1]!.toLowerCase() : undefined;
    const link = linkSlug !== undefined && LINK_SLUG_PATTERN.test(linkSlug) ? await options.linkPage?.(linkSlug) : undefined;
    if (area === 'console') {
      applyHeaders(response, consoleHeaders());
    } else {
      applyHeaders(response, await pageHeaders(area === 'direct' ? segments?.[1] : link?.appId));
    }
    // An address the page cannot be routed by (a broken %-escape, over 8 KiB): the page shows its translated screen.
    if (!segments) return sendIndex(request, response, join(pageRoot, 'index.html'), 400);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new ApiError(405, 'method_not_allowed', 'Only GET and HEAD here', { Allow: 'GET, HEAD' });
    }

    if (segments.length === 1 && segments[0] === '') {
      response.statusCode = 302;
      response.setHeader('Location', `/direct/${encodeURIComponent(firstAppId)}`);
      response.end();
      return;
    }
    if (area === 'direct' || area === 'console') {
      const root = area === 'direct' ? pageRoot : consoleRoot;
      const rest = segments.slice(1);
      const path = rest.length > 0 && rest.join('/') !== 'index.html' ? safeJoin(root, rest) : undefined;
      const file = path && (await files.read(path));
      if (file) return send(request, response, 200, file, rest[0] === 'assets' ? IMMUTABLE : REVALIDATE);
      if (rest[0] === 'assets') throw new ApiError(404, 'not_found', 'No such file');
      const appId = area === 'direct' && options.apps.has(rest[0]) ? rest[0] : undefined;
      // Only /direct/<appId> itself is the app's chat (the page's router says "not found" to anything below it).
      const chatPage = appId !== undefined && (rest.length === 1 || (rest.length === 2 && rest[1] === ''));
      return sendIndex(request, response, join(root, 'index.html'), 200, appId, undefined, chatPage);
    }
    // A chat link: the page itself (an unknown slug shows the page's own "not found"), naming a fixed link's language.
    if (linkSlug !== undefined) {
      return sendIndex(request, response, join(pageRoot, 'index.html'), 200, link?.appId, link && { slug: linkSlug, locale: link.locale });
    }
    // A personal deep link: the page reads its code from the path.
    if (area === 'p' && segments.length === 2 && DEEP_LINK_CODE_PATTERN.test(segments[1]!)) {
      return sendIndex(request, response, join(pageRoot, 'index.html'), 200);
    }
    return sendIndex(request, response, join(pageRoot, 'index.html'), 404);
  };

  async function sendIndex(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    status: number,
    appId?: string,
    link?: { slug: string; locale?: LocaleCode },
    /** /direct/<appId>: the page is served with the app's first screen written in. */
    chatPage = false,
  ) {
    const index = await files.read(path);
    if (!index) throw new ApiError(404, 'not_found', 'This page is not built; run npm run build');
    const app = chatPage && appId !== undefined ? options.apps.get(appId) : undefined;
    const firstScreen = app && firstScreenFor(request, index, app, preloads.localeChunk, options.onFirstScreenError);
    if (firstScreen) applyHeaders(response, await pageHeaders(appId, firstScreen));
    // A first screen carries its config and starts its scripts after it is painted: nothing to announce ahead of it.
    const preload = appId === undefined || firstScreen ? undefined : preloads.linkHeader(request, appId, index.body.toString('utf8'), link);
    if (preload) response.setHeader('Link', preload);
    // The language the server guessed (for the Link header and the first screen) may come from Accept-Language.
    const vary = appId === undefined ? undefined : 'Accept-Language';
    send(request, response, status, firstScreen?.file ?? (link?.locale ? pageWithLinkLocale(index, link.locale) : index), REVALIDATE, vary);
  }
}

/** The page of a known app with its first screen written in, or undefined (the plain page) when that cannot be. */
function firstScreenFor(
  request: IncomingMessage,
  index: StaticFile,
  app: HostedApp,
  localeChunk: (locale: LocaleCode) => string | undefined,
  onError?: StaticSiteOptions['onFirstScreenError'],
): FirstScreenPage | undefined {
  if (!app.fullPage) return undefined;
  const query = (request.url ?? '').split('?')[1] ?? '';
  const locale = guessPageLocale(query, request.headers['accept-language']);
  const chunk = localeChunk(locale);
  try {
    return pageWithFirstScreen(index, publicAppConfig(app, locale), locale, new URLSearchParams(query).get('embed') === '1', chunk ? [chunk] : []);
  } catch (error) {
    onError?.(error, app.appId);
    return undefined;
  }
}

function send(request: IncomingMessage, response: ServerResponse, status: number, file: StaticFile, cache: string, vary?: string): void {
  response.setHeader('Cache-Control', cache);
  response.setHeader('ETag', file.etag);
  const varies = [file.compressible ? 'Accept-Encoding' : undefined, vary].filter(Boolean);
  if (varies.length > 0) response.setHeader('Vary', varies.join(', '));
  if (status === 200 && request.headers['if-none-match'] === file.etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  const encoding = file.compressible ? preferredEncoding(request.headers['accept-encoding']) : undefined;
  const body = encoding ? encodedBody(file, encoding) : file.body;
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.statusCode = status;
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Length', body.length);
  response.end(body);
}

function safeTarget(request: IncomingMessage): string[] | undefined {
  try {
    return parseRequestTarget(request.url).segments;
  } catch {
    return undefined;
  }
}

/** A path strictly inside root, or undefined: no "..", no hidden files, no separators or NULs smuggled in a segment. */
export function safeJoin(root: string, segments: readonly string[]): string | undefined {
  for (const segment of segments) {
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
  }
  const path = join(root, ...segments);
  return path.startsWith(root + sep) ? path : undefined;
}
