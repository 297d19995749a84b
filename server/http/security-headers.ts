import type { ServerResponse } from 'node:http';

export type HeaderSet = Readonly<Record<string, string>>;

const COMMON: HeaderSet = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export interface ChatPagePolicy {
  /** Origins allowed to frame the page (the app's allowedOrigins); 'self' is always allowed. */
  frameAncestors: readonly string[];
  /** Extra connect-src origins, e.g. the API's origin when index.html points the page at another host. */
  connectOrigins?: readonly string[];
  /** Hash sources ('sha256-...') of the build's own inline <style>; never 'unsafe-inline'. */
  styleHashes?: readonly string[];
  /** Hash sources of inline scripts the server itself wrote into the page (the first screen's boot); never 'unsafe-inline'. */
  scriptHashes?: readonly string[];
}

/** The chat page and its files: no inline script or style but hashed ones, framing only by the app's own allowed origins. */
export function chatPageHeaders(policy: ChatPagePolicy): HeaderSet {
  return {
    ...COMMON,
    'Content-Security-Policy': pageCsp({
      frameAncestors: ["'self'", ...policy.frameAncestors],
      connectOrigins: policy.connectOrigins ?? [],
      styleHashes: policy.styleHashes ?? [],
      scriptHashes: policy.scriptHashes ?? [],
    }),
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The agent console: same policy, never framed. */
export function consoleHeaders(): HeaderSet {
  return {
    ...COMMON,
    'Content-Security-Policy': pageCsp({ frameAncestors: ["'none'"], connectOrigins: [], styleHashes: [], scriptHashes: [] }),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

/** JSON and event streams: nothing to render, never cached. */
export function apiHeaders(): HeaderSet {
  return {
    ...COMMON,
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  };
}

export function applyHeaders(response: ServerResponse, headers: HeaderSet): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}

function pageCsp(sources: {
  frameAncestors: string[];
  connectOrigins: readonly string[];
  styleHashes: readonly string[];
  scriptHashes: readonly string[];
}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...sources.scriptHashes].join(' '),
    ["style-src 'self'", ...sources.styleHashes].join(' '),
    "img-src 'self' https: data:",
    ["connect-src 'self'", ...sources.connectOrigins].join(' '),
    `frame-ancestors ${sources.frameAncestors.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
