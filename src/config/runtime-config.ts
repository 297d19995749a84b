export const API_BASE_META = 'direct-chat:api-base';
export const DEFAULT_API_BASE = '/api';

// Browsers drop tabs and newlines inside URLs ("/\t/evil" becomes "//evil"): such a value is never a base.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A same-origin path ("/api") or an absolute http(s) URL; anything else falls back to the default. */
export function normalizeApiBase(value: string | null | undefined): string {
  const trimmed = value?.trim() ?? '';
  if (UNSAFE_CHARACTERS.test(trimmed) || /\s/.test(trimmed)) return DEFAULT_API_BASE;
  const isPath = trimmed.startsWith('/') && !trimmed.startsWith('//');
  if (!isPath && !(/^https?:\/\/[^/]/i.test(trimmed) && isHttpUrl(trimmed))) return DEFAULT_API_BASE;
  return trimmed.replace(/\/+$/, '') || DEFAULT_API_BASE;
}

/**
 * Deploy-time settings live in index.html, so changing them needs no rebuild and costs no request.
 * Returned absolute (resolved against the page), so every request URL is unambiguous.
 */
export function readApiBase(doc: Document): string {
  const base = normalizeApiBase(doc.querySelector(`meta[name="${API_BASE_META}"]`)?.getAttribute('content'));
  try {
    return new URL(base, doc.baseURI).href.replace(/\/+$/, '');
  } catch {
    return base;
  }
}
