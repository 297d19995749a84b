const API_BASE_META = /<meta\s+name=["']direct-chat:api-base["']\s+content=["']([^"']*)["']/i;
const HASH_SOURCE = /^'sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/** The API's origin when the built index.html points the page at another host; undefined for a same-origin path. */
export function apiOriginFromIndexHtml(html: string): string | undefined {
  const base = API_BASE_META.exec(html)?.[1];
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  try {
    return new URL(base).origin;
  } catch {
    return undefined;
  }
}

/**
 * The hashes of the page's inline <style> (the build inlines its CSS and lists the hashes in dist/direct/csp.json as
 * {"styleSrc": ["'sha256-...'"]}). Only well-formed hash sources pass, so the file cannot widen the policy otherwise.
 */
export function styleHashesFromCspJson(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    const list = (parsed as { styleSrc?: unknown } | null)?.styleSrc;
    return Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string' && HASH_SOURCE.test(entry)) : [];
  } catch {
    return [];
  }
}
