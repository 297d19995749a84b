import * as v from 'valibot';
import type { InputVars, LocaleCode } from '../../src/api/wire';
import { IDENTITY_LIMITS, MAX_VAR_VALUE_LENGTH, MAX_VARS, VAR_KEY_PATTERN } from '../../src/api/limits';
import { matchLocaleCode } from '../config/locale-codes';
import type { VisitorClaims } from '../store/records';
import type { SignedFields } from '../identity/verify-identity';
import { text, toWellFormed } from './text-rules';
import { DEEP_LINK_CODE_PATTERN } from '../deep-links/deep-link-code';

export interface VisitorRequest {
  locale: LocaleCode;
  identity?: { signed: SignedFields; claims: VisitorClaims };
  vars?: InputVars;
  deepLink?: string;
}

// Signed fields are never a 400: any wrong type or shape is the identity error 'malformed' (design §4), and the
// visitor continues as a guest. Unsigned claims are checked strictly (the page truncates them before sending).
const SIGNED_FIELD_MAX = 1024;
const signedField = v.pipe(
  v.optional(v.unknown()),
  v.transform((value) => (typeof value === 'string' && value.length <= SIGNED_FIELD_MAX ? toWellFormed(value) : undefined)),
);

/** An unsigned claim: trimmed, and dropped when empty. */
const claim = (max: number) => v.optional(v.pipe(text({ max, stripControls: true }), v.transform((value) => value.trim() || undefined)));

const identitySchema = v.pipe(
  v.strictObject({
    sbs: signedField,
    sbs_mm: signedField,
    ranstr: signedField,
    name: claim(IDENTITY_LIMITS.name),
    nickname: claim(IDENTITY_LIMITS.nickname),
    email: claim(IDENTITY_LIMITS.email),
    phone: claim(IDENTITY_LIMITS.phone),
  }),
  v.transform(({ sbs, sbs_mm, ranstr, ...given }) => {
    const claims: VisitorClaims = {};
    for (const [key, value] of Object.entries(given)) if (value) claims[key as keyof VisitorClaims] = value;
    return { signed: { sbs, sbs_mm, ranstr }, claims };
  }),
);

const varsSchema = v.pipe(
  v.custom<object>((value) => !Array.isArray(value), 'must be an object of strings'),
  v.record(v.pipe(v.string(), v.regex(VAR_KEY_PATTERN, `keys must match ${VAR_KEY_PATTERN}`)), text({ max: MAX_VAR_VALUE_LENGTH, stripControls: true }), 'must be an object of strings'),
  v.check((vars) => Object.keys(vars).length <= MAX_VARS, `may hold at most ${MAX_VARS} entries`),
);

const localeSchema = v.pipe(
  v.unknown(),
  v.transform((value) => matchLocaleCode(typeof value === 'string' ? value : undefined)),
  v.check((locale) => locale !== undefined, 'must be one of zh-cn zh-tw en ja ko de fr pt ru'),
);

/** POST /api/apps/{appId}/visitors: {locale, identity?, vars?}. */
export const visitorRequestSchema = v.pipe(
  v.strictObject({
    locale: localeSchema,
    identity: v.optional(identitySchema),
    vars: v.optional(varsSchema),
    deepLink: v.optional(v.pipe(v.string('must be a string'), v.regex(DEEP_LINK_CODE_PATTERN, 'is not a deep-link code'))),
  }),
  v.transform(({ locale, identity, vars, deepLink }): VisitorRequest => ({
    locale: locale!,
    ...(identity ? { identity } : {}),
    ...(vars ? { vars } : {}),
    ...(deepLink ? { deepLink } : {}),
  })),
);
