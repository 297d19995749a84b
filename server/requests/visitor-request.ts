import type { InputVars, LocaleCode } from '../../src/api/wire';
import { IDENTITY_LIMITS, MAX_VAR_VALUE_LENGTH, MAX_VARS, VAR_KEY_PATTERN } from '../../src/api/limits';
import { matchLocaleCode } from '../config/locale-codes';
import type { VisitorClaims } from '../db/visitor-queries';
import { invalidRequest } from '../http/api-error';
import { checkString, expectObject, optionalString, type JsonObject } from '../http/json-shape';
import type { SignedFields } from '../identity/verify-identity';

export interface VisitorRequest {
  locale: LocaleCode;
  identity?: { signed: SignedFields; claims: VisitorClaims };
  vars?: InputVars;
}

const IDENTITY_KEYS = ['sbs', 'sbs_mm', 'ranstr', 'name', 'nickname', 'email', 'phone'] as const;
const CLAIM_KEYS = ['name', 'nickname', 'email', 'phone'] as const;
// Signed fields are only type-checked here: a wrong shape is the identity error 'malformed', not a 400.
const SIGNED_FIELD_MAX = 1024;

/** POST /api/apps/{appId}/visitors: {locale, identity?, vars?}. */
export function parseVisitorRequest(body: unknown): VisitorRequest {
  const object = expectObject(body ?? {}, 'body', ['locale', 'identity', 'vars']);
  const locale = matchLocaleCode(typeof object.locale === 'string' ? object.locale : undefined);
  if (!locale) throw invalidRequest('body.locale must be one of zh-cn zh-tw en ja ko de fr pt ru');
  const request: VisitorRequest = { locale };
  if (object.identity !== undefined) request.identity = parseIdentity(object.identity);
  if (object.vars !== undefined) request.vars = parseVars(object.vars);
  return request;
}

function parseIdentity(value: unknown): VisitorRequest['identity'] {
  const identity = expectObject(value, 'body.identity', IDENTITY_KEYS);
  const signed: SignedFields = {
    sbs: optionalString(identity, 'sbs', 'body.identity', { max: SIGNED_FIELD_MAX }),
    sbs_mm: optionalString(identity, 'sbs_mm', 'body.identity', { max: SIGNED_FIELD_MAX }),
    ranstr: optionalString(identity, 'ranstr', 'body.identity', { max: SIGNED_FIELD_MAX }),
  };
  return { signed, claims: parseClaims(identity) };
}

function parseClaims(identity: JsonObject): VisitorClaims {
  const claims: VisitorClaims = {};
  for (const key of CLAIM_KEYS) {
    const value = optionalString(identity, key, 'body.identity', { max: IDENTITY_LIMITS[key] })?.trim();
    if (value) claims[key] = value;
  }
  return claims;
}

function parseVars(value: unknown): InputVars {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('body.vars must be an object of strings');
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_VARS) throw invalidRequest(`body.vars may hold at most ${MAX_VARS} entries`);
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary entry.
  return Object.fromEntries(
    entries.map(([key, raw]) => {
      if (!VAR_KEY_PATTERN.test(key)) throw invalidRequest(`body.vars keys must match ${VAR_KEY_PATTERN}`);
      return [key, checkString(raw, `body.vars.${key}`, { max: MAX_VAR_VALUE_LENGTH })];
    }),
  );
}
