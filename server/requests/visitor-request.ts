import type { InputVars, LocaleCode } from '../../src/api/wire';
import { IDENTITY_LIMITS, MAX_VAR_VALUE_LENGTH, MAX_VARS, VAR_KEY_PATTERN } from '../../src/api/limits';
import { matchLocaleCode } from '../config/locale-codes';
import type { VisitorClaims } from '../store/records';
import { invalidRequest } from '../http/api-error';
import { checkString, expectObject, optionalString, toWellFormed, type JsonObject } from '../http/json-shape';
import type { SignedFields } from '../identity/verify-identity';

export interface VisitorRequest {
  locale: LocaleCode;
  identity?: { signed: SignedFields; claims: VisitorClaims };
  vars?: InputVars;
}

const IDENTITY_KEYS = ['sbs', 'sbs_mm', 'ranstr', 'name', 'nickname', 'email', 'phone'] as const;
const CLAIM_KEYS = ['name', 'nickname', 'email', 'phone'] as const;
// Signed fields are never a 400: any wrong type or shape is the identity error 'malformed' (design §4), and the
// visitor continues as a guest. Unsigned claims are checked strictly (the page truncates them before sending).
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
    sbs: signedField(identity.sbs),
    sbs_mm: signedField(identity.sbs_mm),
    ranstr: signedField(identity.ranstr),
  };
  return { signed, claims: parseClaims(identity) };
}

/** A signed field as given, or undefined when it is not a string of a sane length: verification then says 'malformed'. */
function signedField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= SIGNED_FIELD_MAX ? toWellFormed(value) : undefined;
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
