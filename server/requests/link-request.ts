// Validation of the agent's create and patch bodies, shared by the server (400 invalid_request) and the console
// form (messages next to each field), so both say the same thing.
import * as v from 'valibot';
import type { LinkLocale, LocaleCode } from '../../src/api/wire';
import { LINK_SLUG_PATTERN } from '../../src/api/limits';
import type { ChatLinkInput, ChatLinkPatch } from '../links/agent-link-wire';
import { SLUG_PROBLEM_MESSAGES, slugProblem } from '../links/slug';

export const LINK_NAME_MAX = 120;
export const LINK_DESCRIPTION_MAX = 2000;
export const LINK_USE_LIMIT_MAX = 1000;

/** A link's fields as stored: times in epoch milliseconds (UTC), `null` for "not set". */
export interface LinkFields {
  name: string;
  description: string | null;
  locale: LinkLocale;
  activeFrom: number | null;
  expiresAt: number | null;
  slug?: string;
  perParticipantLimit: number | null;
}

export type LinkField = keyof ChatLinkInput | 'disabled';
export type FieldErrors = Partial<Record<LinkField, string>>;
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const NAME_REQUIRED = 'Give the link a name.';
const LOCALE_CHOICE = "Choose one of the app's languages, or all languages.";
/** A required field that is missing altogether is reported by the object, not by the field's own schema. */
const REQUIRED: Record<string, string> = { name: NAME_REQUIRED, locale: LOCALE_CHOICE };

export const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const time = (label: string) =>
  v.nullish(
    v.pipe(
      v.string(`${label} must be a date and time.`),
      v.regex(ZONED_TIME, `${label} must be a date and time with its time zone, e.g. 2026-12-01T09:00:00Z.`),
      v.transform((text) => Date.parse(text)),
      v.check((ms) => Number.isFinite(ms), `${label} is not a real date.`),
    ),
  );

function fieldsSchema(appLocales: readonly LocaleCode[]) {
  return {
    name: v.pipe(
      v.string(NAME_REQUIRED),
      v.trim(),
      v.minLength(1, NAME_REQUIRED),
      v.maxLength(LINK_NAME_MAX, `Keep the name to ${LINK_NAME_MAX} characters.`),
    ),
    description: v.nullish(
      v.pipe(v.string('Notes must be text.'), v.trim(), v.maxLength(LINK_DESCRIPTION_MAX, `Keep notes to ${LINK_DESCRIPTION_MAX} characters.`)),
    ),
    locale: v.picklist(['*', ...appLocales] as LinkLocale[], LOCALE_CHOICE),
    activeFrom: time('Active from'),
    expiresAt: time('Expires at'),
    slug: v.optional(
      v.pipe(
        v.string('The slug must be text.'),
        v.rawCheck(({ dataset, addIssue }) => {
          const problem = dataset.typed ? slugProblem(dataset.value) : undefined;
          if (problem) addIssue({ message: SLUG_PROBLEM_MESSAGES[problem] });
        }),
      ),
    ),
    perParticipantLimit: v.nullish(
      v.pipe(
        v.number('The limit must be a whole number.'),
        v.integer('The limit must be a whole number.'),
        v.minValue(1, 'The limit must be at least 1 (leave it empty for no limit).'),
        v.maxValue(LINK_USE_LIMIT_MAX, `The limit can be at most ${LINK_USE_LIMIT_MAX}.`),
      ),
    ),
  };
}

function fieldErrors(issues: v.BaseIssue<unknown>[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' ? key : 'name';
    if (issue.type === 'strict_object' && issue.expected === 'never') errors[field] ??= `Unknown field "${field}".`;
    else if (issue.type === 'strict_object') errors[field] ??= REQUIRED[field] ?? issue.message;
    else errors[field] ??= issue.message;
  }
  return errors as FieldErrors;
}

/** The timeframe must leave some time open: expiry strictly after the start. */
export function timeframeError(activeFrom: number | null, expiresAt: number | null): FieldErrors | undefined {
  if (activeFrom !== null && expiresAt !== null && expiresAt <= activeFrom) {
    return { expiresAt: 'The link must expire after it becomes active.' };
  }
  return undefined;
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

function rawTime(value: unknown): number | null {
  return typeof value === 'string' && ZONED_TIME.test(value) && Number.isFinite(Date.parse(value)) ? Date.parse(value) : null;
}

/** Every problem at once: the timeframe is judged from the raw body even when another field is wrong. */
function withTimeframe(errors: FieldErrors, body: unknown): FieldErrors {
  if (typeof body !== 'object' || body === null || errors.activeFrom || errors.expiresAt) return errors;
  const raw = body as { activeFrom?: unknown; expiresAt?: unknown };
  return { ...timeframeError(rawTime(raw.activeFrom), rawTime(raw.expiresAt)), ...errors };
}

/** POST body → stored fields, or one message per bad field. */
export function validateLinkInput(body: unknown, appLocales: readonly LocaleCode[]): Validated<LinkFields> {
  const parsed = v.safeParse(v.strictObject(fieldsSchema(appLocales), 'Send a JSON object.'), body);
  if (!parsed.success) return { ok: false, errors: withTimeframe(fieldErrors(parsed.issues), body) };
  const input = parsed.output;
  const value: LinkFields = {
    name: input.name,
    description: input.description || null,
    locale: input.locale,
    activeFrom: orNull(input.activeFrom),
    expiresAt: orNull(input.expiresAt),
    slug: input.slug,
    perParticipantLimit: orNull(input.perParticipantLimit),
  };
  const timeframe = timeframeError(value.activeFrom, value.expiresAt);
  return timeframe ? { ok: false, errors: timeframe } : { ok: true, value };
}

/** PATCH body → the changed fields only; the timeframe is checked against the link's current one. */
export function validateLinkPatch(
  body: unknown,
  appLocales: readonly LocaleCode[],
  current: { activeFrom: number | null; expiresAt: number | null },
): Validated<Partial<LinkFields> & { disabled?: boolean }> {
  const schema = v.strictObject({ ...v.partial(v.object(fieldsSchema(appLocales))).entries, disabled: v.optional(v.boolean('disabled must be true or false.')) }, 'Send a JSON object.');
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) };
  const patch: Partial<LinkFields> & { disabled?: boolean } = {};
  const input = parsed.output as ChatLinkPatch & { activeFrom?: number | null; expiresAt?: number | null };
  if (input.name !== undefined) patch.name = input.name;
  if (input.description !== undefined) patch.description = input.description || null;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.activeFrom !== undefined) patch.activeFrom = input.activeFrom;
  if (input.expiresAt !== undefined) patch.expiresAt = input.expiresAt;
  if (input.slug !== undefined) patch.slug = input.slug;
  if (input.perParticipantLimit !== undefined) patch.perParticipantLimit = input.perParticipantLimit;
  if (input.disabled !== undefined) patch.disabled = input.disabled;
  const timeframe = timeframeError(
    patch.activeFrom !== undefined ? patch.activeFrom : current.activeFrom,
    patch.expiresAt !== undefined ? patch.expiresAt : current.expiresAt,
  );
  return timeframe ? { ok: false, errors: timeframe } : { ok: true, value: patch };
}

/** One line for an API error message: "slug: This word is reserved…; name: …". */
export function describeFieldErrors(errors: FieldErrors): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
}

/** A slug in a path or a body: only the shape (3-64 of a-z, 0-9, '-'); whether it exists is the store's answer. */
export const linkSlugSchema = v.pipe(v.string('must be a string'), v.regex(LINK_SLUG_PATTERN, 'must be a chat link slug'));

/** POST /api/apps/{appId}/sessions: no body, `{}`, or `{link: slug}` for a conversation started from a chat link. */
export const startSessionSchema = v.strictObject({ link: v.optional(linkSlugSchema) });
