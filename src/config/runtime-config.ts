export const API_BASE_META = 'direct-chat:api-base';
export const DEFAULT_API_BASE = '/api';

/** A same-origin path ("/api") or an absolute http(s) URL; anything else falls back to the default. */
export function normalizeApiBase(value: string | null | undefined): string {
  const trimmed = value?.trim() ?? '';
  const isPath = trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.includes('\\');
  const isHttpUrl = /^https?:\/\/[^/\s]+/i.test(trimmed);
  if (!isPath && !isHttpUrl) return DEFAULT_API_BASE;
  return trimmed.replace(/\/+$/, '') || DEFAULT_API_BASE;
}

/**
 * Deploy-time settings live in index.html, so changing them needs no rebuild and costs no request.
 * Returned absolute (resolved against the page), so every request URL is unambiguous.
 */
export function readApiBase(doc: Document): string {
  const base = normalizeApiBase(doc.querySelector(`meta[name="${API_BASE_META}"]`)?.getAttribute('content'));
  return new URL(base, doc.baseURI).href.replace(/\/+$/, '');
}
