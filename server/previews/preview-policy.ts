import type { AuthorRole } from '../../src/api/wire';
import { linkify } from '../../src/chat/linkify';

/** An app's link-preview settings (`linkPreviews` in the apps config). */
export interface PreviewSettings {
  enabled: boolean;
  /** Registrable domains or hosts; a domain covers its subdomains. Empty: every host (agents only). */
  allowDomains: string[];
  /** Never previewed, whoever posts them; wins over allowDomains. */
  denyDomains: string[];
}

export const DEFAULT_PREVIEW_SETTINGS: PreviewSettings = { enabled: true, allowDomains: [], denyDomains: [] };

/**
 * The URL of a message to preview, if any: the first http(s) link the page itself would show as a link (the same
 * linkify), whose host the app's settings permit for that author. Agents' links are previewed unless denied (or
 * outside a non-empty allow list); visitors' links only when their host is on the allow list, so a visitor cannot
 * make the server fetch arbitrary pages.
 */
export function previewUrlFor(text: string, role: AuthorRole, settings: PreviewSettings): string | undefined {
  if (!settings.enabled || role === 'system') return undefined;
  for (const segment of linkify(text)) {
    if (segment.kind !== 'link') continue;
    const url = new URL(segment.href);
    if (url.username || url.password) continue;
    if (hostPermitted(url.hostname, role, settings)) return segment.href;
  }
  return undefined;
}

export function hostPermitted(host: string, role: AuthorRole, settings: PreviewSettings): boolean {
  const hostname = host.toLowerCase().replace(/\.$/, '');
  if (settings.denyDomains.some((domain) => hostMatches(hostname, domain))) return false;
  if (settings.allowDomains.some((domain) => hostMatches(hostname, domain))) return true;
  return role === 'agent' && settings.allowDomains.length === 0;
}

/** "example.com" covers example.com and shop.example.com, not badexample.com. */
export function hostMatches(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

/**
 * A domain as written in the config, in the form URL hostnames take (lower case, punycode for IDNs), or undefined
 * when it is not a bare host name.
 */
export function normalizeDomain(entry: string): string | undefined {
  const trimmed = entry.trim().replace(/\.$/, '');
  if (!trimmed || /[\s/:@?#[\]\\]/.test(trimmed)) return undefined;
  try {
    const { hostname } = new URL(`http://${trimmed}/`);
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(hostname) ? hostname : undefined;
  } catch {
    return undefined;
  }
}
