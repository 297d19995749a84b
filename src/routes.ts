import { LINK_SLUG_PATTERN } from './api/limits';
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

/** The slug in a /c/<slug> chat-link path, if well-formed (slugs are lower case; a typed capital is forgiven). */
export function linkSlugFromPath(pathname: string): string | undefined {
  const slug = /^\/c\/([A-Za-z0-9-]+)\/?$/.exec(pathname)?.[1]?.toLowerCase();
  return slug && LINK_SLUG_PATTERN.test(slug) ? slug : undefined;
}
