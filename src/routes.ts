import { isValidAppId } from './link/app-id';

export const DIRECT_ROUTE = '/direct/:appId';
export const CHAT_LINK_ROUTE = '/c/:slug';

/** The appId in a /direct/<appId> path, if valid: lets the boot fetch the config before the router renders. */
export function appIdFromPath(pathname: string): string | undefined {
  const match = /^\/direct\/([^/]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  let appId: string;
  try {
    appId = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  return isValidAppId(appId) ? appId : undefined;
}

/** The slug in a /c/<slug> chat-link path, if well-formed (LINK_SLUG_PATTERN inside the path, inlined for size). */
export const linkSlugFromPath = (pathname: string): string | undefined =>
  /^\/c\/([a-z0-9][a-z0-9-]{1,62}[a-z0-9])\/?$/.exec(pathname)?.[1];
