/** How long a fetched preview is trusted: a page changes rarely, a failure may be passing. */
export const PREVIEW_HIT_TTL_MS = 24 * 60 * 60 * 1000;
export const PREVIEW_FAILURE_TTL_MS = 60 * 60 * 1000;

export function previewExpiresAt(outcome: 'hit' | 'failure', now: number): number {
  return now + (outcome === 'hit' ? PREVIEW_HIT_TTL_MS : PREVIEW_FAILURE_TTL_MS);
}

/** One cache entry per page: the fragment never reaches the server, so it does not make another page. */
export function previewCacheKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
