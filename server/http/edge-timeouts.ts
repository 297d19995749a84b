import type { ServerOptions } from 'node:http';
import type { ServerSettings } from '../config/server-settings';

/** Request line plus headers; beyond it Node refuses the request and client-error.ts answers with the page. */
export const MAX_HEADER_BYTES = 64 * 1024;
export const DEFAULT_HEADER_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A client must send its headers within the header timeout and its whole request (headers and body) within the
 * request timeout, or get 408 and lose the connection (slowloris). Event streams are not cut: their request is
 * complete at once, and these timeouts never cover the response.
 */
export function edgeTimeouts(settings: ServerSettings): Pick<ServerOptions, 'headersTimeout' | 'requestTimeout' | 'connectionsCheckingInterval'> {
  const headersTimeout = settings.headerTimeoutMs ?? DEFAULT_HEADER_TIMEOUT_MS;
  const requestTimeout = Math.max(settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout);
  // Node checks the timeouts on this interval, so it bounds how late they fire.
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1000, Math.ceil(headersTimeout / 4)) };
}
