import { isValidAppId } from './link/app-id';

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
