import { IDENTITY_KEYS } from './identity-keys';

/** The same address without the given parameters; unchanged (not re-encoded) when it has none of them. */
export function removeParams(href: string, keys: readonly string[]): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  const found = keys.filter((key) => params.has(key));
  if (found.length === 0) return href;
  for (const key of found) params.delete(key);
  const search = params.toString();
  url.search = search ? `?${search}` : '';
  return url.toString();
}

/** Identity leaves the address bar once read: no screenshot, shared URL or Referer carries it. */
export const scrubIdentity = (href: string): string => removeParams(href, IDENTITY_KEYS);

/** After "start a new chat", a reload must not reopen the conversation the link pointed at. */
export const dropChatLink = (href: string): string => removeParams(href, ['direct', 'chatid', 'chat_id']);
