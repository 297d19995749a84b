import { randomInt } from 'node:crypto';
import { APP_ID_PATTERN, IDENTITY_LIMITS, VAR_KEY_PATTERN } from '../src/api/limits';
import { computeSignature } from './identity/signature';

export { computeSignature };

export interface DirectLinkOptions {
  /** Where the page is served, e.g. "https://chat.example.com" (the link adds /direct/<appId>). */
  baseUrl: string;
  appId: string;
  /** The app's AppSecret. Sign on your server only; never ship the secret to a browser. */
  secret: string;
  /** Your customer id. */
  sbs: string;
  name?: string;
  nickname?: string;
  email?: string;
  phone?: string;
  /** Opens this chat session directly (adds direct=1&chatid=...). */
  chatId?: string;
  lang?: string;
  /** Extra input variables (campaign, order id...), forwarded to agents as strings. */
  vars?: Readonly<Record<string, string>>;
}

const RESERVED_PARAMS = new Set(['sbs', 'sbs_mm', 'ranstr', 'name', 'nickname', 'email', 'phone', 'lang', 'direct', 'chatid', 'chat_id']);
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const RANSTR_LENGTH = 32;

/** A signed Direct Link with a fresh random nonce: every call gives a new, single-use link. */
export function signDirectLink(options: DirectLinkOptions): string {
  const { baseUrl, appId, secret, sbs } = options;
  if (!APP_ID_PATTERN.test(appId)) throw new TypeError(`appId must match ${APP_ID_PATTERN}`);
  if (!secret) throw new TypeError('secret is required');
  if (!sbs || sbs.length > IDENTITY_LIMITS.sbs || /[\u0000-\u001f\u007f]/.test(sbs)) {
    throw new TypeError(`sbs must be 1 to ${IDENTITY_LIMITS.sbs} characters without control characters`);
  }
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/direct/${encodeURIComponent(appId)}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('baseUrl must be http(s)');

  const params = url.searchParams;
  if (options.lang) params.set('lang', options.lang);
  if (options.chatId) {
    params.set('direct', '1');
    params.set('chatid', options.chatId);
  }
  const ranstr = newRanstr();
  params.set('sbs', sbs);
  params.set('sbs_mm', computeSignature(sbs, secret, ranstr));
  params.set('ranstr', ranstr);
  for (const key of ['name', 'nickname', 'email', 'phone'] as const) {
    const value = options[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(options.vars ?? {})) {
    if (!VAR_KEY_PATTERN.test(key) || RESERVED_PARAMS.has(key)) throw new TypeError(`"${key}" cannot be a variable name`);
    params.set(key, value);
  }
  return url.toString();
}

/** A uniformly random alphanumeric nonce (crypto.randomInt, no modulo bias). */
export function newRanstr(length = RANSTR_LENGTH): string {
  let ranstr = '';
  for (let i = 0; i < length; i++) ranstr += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return ranstr;
}
