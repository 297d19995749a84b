import { isValidAppId } from './link/app-id';

export const DIRECT_ROUTE = '/direct/:appId';
export const DEEP_LINK_ROUTE = '/p/:code';

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

/** The code in a /p/<code> personal deep-link path, if well-formed (32 base64url characters). */
export const deepLinkCodeFromPath = (pathname: string): string | undefined => /^\/p\/([A-Za-z0-9_-]{32})\/?$/.exec(pathname)?.[1];
