// The chat-link config call's answer, checked. Its own module: it loads with the /c/<slug> screens, not before.
import { APP_ID_PATTERN, LINK_SLUG_PATTERN } from './limits';
import type { ChatLinkConfigResponse, ChatLinkState } from './wire';
import { isAppConfig } from './app-config-guard';
import { isObject, isString } from './json-shape';
import { ApiFailure } from './api-failure';
import { sendJson } from './http-client';
import type { LocaleCode } from './wire';

/**
 * A chat link's slug → its app, state and branding, in one call (`slug` comes from linkSlugFromPath, checked).
 * Unchecked here: the boot starts it at once; checkedLinkConfig checks the answer where it is used.
 */
export function requestLinkConfig(base: string, slug: string, locale: LocaleCode): Promise<unknown> {
  return sendJson<unknown>({ method: 'GET', url: `${base}/links/${slug}/config?locale=${locale}`, headers: { Accept: 'application/json' } });
}

const LINK_STATES: readonly ChatLinkState[] = ['active', 'not_yet_active', 'expired', 'disabled'];
const isOptionalTime = (value: unknown): boolean => value === undefined || (isString(value) && !Number.isNaN(Date.parse(value)));

export function isLinkConfig(value: unknown): value is ChatLinkConfigResponse {
  if (!isObject(value) || !isObject(value.link) || !isAppConfig(value.app)) return false;
  const link = value.link;
  return (
    isString(link.slug) &&
    LINK_SLUG_PATTERN.test(link.slug) &&
    isString(link.appId) &&
    APP_ID_PATTERN.test(link.appId) &&
    link.appId === value.app.appId &&
    isString(link.locale) &&
    LINK_STATES.includes(link.state as ChatLinkState) &&
    isOptionalTime(link.activeFrom) &&
    isOptionalTime(link.expiresAt)
  );
}


/** The boot's prefetched answer (or a fresh one), as checked wire data; anything else is a protocol failure. */
export async function checkedLinkConfig(answer: Promise<unknown>): Promise<ChatLinkConfigResponse> {
  const value = await answer;
  if (!isLinkConfig(value)) throw new ApiFailure('protocol');
  return value;
}
