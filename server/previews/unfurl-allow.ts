import { normalizeAddress } from './address-policy';

/**
 * DIRECT_CHAT_UNFURL_ALLOW, for tests only: comma-separated `host:port` pairs (`127.0.0.1:5555`,
 * `[::1]:5555`, `site.test:5555`) that the preview fetcher may reach although they are not public or not on
 * port 80/443. An address matches the address a name resolved to; a name matches the URL's host as written.
 * Off (empty) by default.
 */
export interface UnfurlAllowList {
  permits(host: string, address: string, port: number): boolean;
  hasPort(port: number): boolean;
}

export const ALLOW_NOTHING: UnfurlAllowList = { permits: () => false, hasPort: () => false };

export class UnfurlAllowError extends Error {
  override name = 'UnfurlAllowError';
}

export function parseUnfurlAllow(value: string | undefined): UnfurlAllowList {
  const entries = new Set<string>();
  const ports = new Set<number>();
  for (const raw of (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s[\]]+):(\d{1,5})$/.exec(raw);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65_535) {
      throw new UnfurlAllowError(`DIRECT_CHAT_UNFURL_ALLOW: "${raw}" is not a host:port pair like 127.0.0.1:5555`);
    }
    entries.add(key(match[1].replace(/^\[|\]$/g, ''), port));
    ports.add(port);
  }
  if (entries.size === 0) return ALLOW_NOTHING;
  return {
    permits: (host, address, port) => entries.has(key(address, port)) || entries.has(key(host, port)),
    hasPort: (port) => ports.has(port),
  };
}

function key(hostOrAddress: string, port: number): string {
  return `${normalizeAddress(hostOrAddress) ?? hostOrAddress.toLowerCase()}|${port}`;
}
