import type { IdentityPayload, InputVars } from '../api/wire';
import {
  IDENTITY_LIMITS,
  MAX_VARS,
  MAX_VARS_BYTES,
  MAX_VAR_VALUE_LENGTH,
  SESSION_ID_PATTERN,
  VAR_KEY_PATTERN,
} from '../api/limits';
import { truncateCodePoints, stripControlCharacters } from './text-bounds';
import { CLAIM_KEYS, IDENTITY_KEYS, SIGNED_KEYS } from './identity-keys';
import { boundedLanguage } from './link-language';

export { CLAIM_KEYS, IDENTITY_KEYS, SIGNED_KEYS };

/** What a /direct/<appId> link asks for, already bounded: safe to put in a request as it is. */
export interface DirectLink {
  /** Open this conversation: only with direct=1 and a well-formed id. */
  chatId?: string;
  /** direct=1 asked for a conversation, but its id cannot be one. */
  chatIdMalformed: boolean;
  /** The raw ?lang value, normalized later by the language detector. */
  lang?: string;
  identity?: IdentityPayload;
  /** Some identity parameters were present but could not be sent as a whole. */
  identityMalformed: boolean;
  vars: InputVars;
}

// `embed` marks the page as framed by embed.js; it is the loader's, not an input variable.
const CONTRACT_KEYS = new Set(['direct', 'chatid', 'chat_id', 'lang', 'embed', ...IDENTITY_KEYS]);

/** First occurrence wins for every parameter: a repeated one cannot override what came before it. */
function firstValues(search: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(search)) {
    if (!values.has(key)) values.set(key, value);
  }
  return values;
}

function readChatId(params: Map<string, string>): Pick<DirectLink, 'chatId' | 'chatIdMalformed'> {
  if (params.get('direct') !== '1') return { chatIdMalformed: false };
  const raw = params.get('chatid') || params.get('chat_id');
  if (raw === undefined || raw === '') return { chatIdMalformed: false };
  return SESSION_ID_PATTERN.test(raw) ? { chatId: raw, chatIdMalformed: false } : { chatIdMalformed: true };
}

function readIdentity(params: Map<string, string>): Pick<DirectLink, 'identity' | 'identityMalformed'> {
  const signed = SIGNED_KEYS.map((key) => params.get(key) ?? '');
  const present = signed.filter((value) => value !== '').length;
  if (present === 0) return { identityMalformed: false };
  const fits = SIGNED_KEYS.every((key, i) => signed[i].length <= IDENTITY_LIMITS[key]);
  if (present < SIGNED_KEYS.length || !fits) return { identityMalformed: true };

  const [sbs, sbs_mm, ranstr] = signed;
  const identity: IdentityPayload = { sbs, sbs_mm, ranstr };
  for (const key of CLAIM_KEYS) {
    const claim = truncateCodePoints(stripControlCharacters(params.get(key) ?? '').trim(), IDENTITY_LIMITS[key]);
    if (claim) identity[key] = claim;
  }
  return { identity, identityMalformed: false };
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

function readVars(params: Map<string, string>): InputVars {
  const vars = new Map<string, string>();
  let bytes = 0;
  for (const [key, raw] of params) {
    if (vars.size >= MAX_VARS) break;
    if (CONTRACT_KEYS.has(key) || !VAR_KEY_PATTERN.test(key)) continue;
    const value = truncateCodePoints(stripControlCharacters(raw), MAX_VAR_VALUE_LENGTH);
    bytes += utf8Length(key) + utf8Length(value);
    if (bytes > MAX_VARS_BYTES) break;
    vars.set(key, value);
  }
  // fromEntries defines own properties, so a key like "__proto__" stays a plain attribute.
  return Object.fromEntries(vars);
}

export function parseDirectLink(search: string): DirectLink {
  const params = firstValues(search);
  const lang = boundedLanguage(params.get('lang'));
  return {
    ...readChatId(params),
    ...(lang ? { lang } : {}),
    ...readIdentity(params),
    vars: readVars(params),
  };
}
