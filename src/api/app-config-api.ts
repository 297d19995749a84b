// The one call the first render waits for, apart from the conversation engine's calls (chat-api.ts, its own chunk).
import type { AppConfig, LocaleCode } from './wire';
import { appUrl, getRequest, type ApiTarget } from './api-request';
import { sendJson } from './http-client';
import { checked } from './json-shape';
import { isAppConfig } from './app-config-guard';

export const configRequest = (target: ApiTarget, locale: LocaleCode) => getRequest(target, appUrl(target, '/config', { locale }));

export async function fetchAppConfig(target: ApiTarget, locale: LocaleCode): Promise<AppConfig> {
  return checked(await sendJson(configRequest(target, locale)), isAppConfig);
}

/** A personal deep link's config, unchecked: its guard loads with the /p/<code> screens (deep-link-config.ts). */
export const requestDeepLinkConfig = (base: string, code: string, locale: LocaleCode): Promise<unknown> =>
  sendJson(getRequest({ base, appId: '' }, `${base}/deep-links/${encodeURIComponent(code)}/config?locale=${locale}`));
