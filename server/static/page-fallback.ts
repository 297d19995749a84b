import { join } from 'node:path';
import { chatPageHeaders, type HeaderSet } from '../http/security-headers';
import { FileCache } from './file-cache';
import { apiOriginFromIndexHtml, styleHashesFromCspJson } from './page-csp-extras';

export interface FallbackPage {
  headers: HeaderSet;
  body: Buffer;
}

/**
 * The chat page's index.html with its CSP, for requests too broken to route (headers or address too large, a target
 * Node or the adapter cannot parse): the browser then shows the page's own translated screen, not its error page.
 * Undefined when the page is not built.
 */
export function createPageFallback(distDir: string): () => Promise<FallbackPage | undefined> {
  const files = new FileCache();
  const pageRoot = join(distDir, 'direct');
  return async () => {
    const index = await files.read(join(pageRoot, 'index.html'));
    if (!index) return undefined;
    const cspJson = await files.read(join(pageRoot, 'csp.json'));
    const apiOrigin = apiOriginFromIndexHtml(index.body.toString('utf8'));
    const headers = chatPageHeaders({
      frameAncestors: [],
      connectOrigins: apiOrigin ? [apiOrigin] : [],
      styleHashes: cspJson ? styleHashesFromCspJson(cspJson.body.toString('utf8')) : [],
    });
    return { headers: { ...headers, 'Content-Type': index.contentType, 'Cache-Control': 'no-store' }, body: index.body };
  };
}
