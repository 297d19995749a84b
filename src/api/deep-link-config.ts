// The deep-link config call's answer, checked. Its own module: it loads with the /p/<code> screens, not before.
import type { DeepLinkConfigResponse, DeepLinkState } from './wire';
import { isObject, isString } from './json-shape';
import { isAppConfig } from './app-config-guard';
import { ApiFailure } from './api-failure';

const STATES: readonly DeepLinkState[] = ['active', 'expired', 'revoked', 'invitation_closed'];

export function isDeepLinkConfig(value: unknown): value is DeepLinkConfigResponse {
  if (!isObject(value) || !isObject(value.deepLink) || !isAppConfig(value.app)) return false;
  const { state, expiresAt } = value.deepLink;
  return STATES.includes(state as DeepLinkState) && isString(expiresAt) && !Number.isNaN(Date.parse(expiresAt));
}

/** The boot's prefetched answer (or a fresh one), as checked wire data; anything else is a protocol failure. */
export async function checkedDeepLinkConfig(answer: Promise<unknown>): Promise<DeepLinkConfigResponse> {
  const value = await answer;
  if (!isDeepLinkConfig(value)) throw new ApiFailure('protocol');
  return value;
}
