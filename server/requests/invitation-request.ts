// The agent's invitation bodies (create, and PATCH of a draft), checked against the app's locales. A refused body is
// 400 invalid_request with every problem as {"pointer": "/messages/fr/body", "message": "..."}.
import * as v from 'valibot';
import type { LocaleCode } from '../../src/api/wire';
import { LOCALE_CODES } from '../config/locale-codes';
import { ATTRIBUTE_KEY_PATTERN } from '../deep-links/attribute-rules';
import { ApiError } from '../http/api-error';
import { EXTERNAL_ID_PATTERN } from './participant-request';
import { ZONED_TIME } from './link-request';
import type { InvitationInput } from '../invitations/invitation-wire';
import { hasLinkPlaceholder } from '../invitations/message-rendering';

export const INVITATION_NAME_MAX = 120;
export const INVITATION_DESCRIPTION_MAX = 2000;
export const SUBJECT_MAX = 200;
export const EMAIL_BODY_MAX = 10_000;
export const SMS_BODY_MAX = 1600;
/** Keeps a create body under the API's 16 KiB: larger audiences are a filter on an attribute. */
export const TARGET_IDS_MAX = 500;
export const RESPONSE_LIMIT_MAX = 1_000_000;

export interface InvitationProblem {
  pointer: string;
  message: string;
}

const time = (label: string) =>
  v.pipe(
    v.string(`${label} must be a date and time.`),
    v.regex(ZONED_TIME, `${label} must be a date and time with its time zone, e.g. 2026-12-01T09:00:00Z.`),
    v.check((text) => Number.isFinite(Date.parse(text)), `${label} is not a real date.`),
    v.transform((text) => new Date(Date.parse(text)).toISOString()),
  );

const days = (label: string) =>
  v.optional(v.pipe(v.number(`${label} must be a number of days.`), v.integer(`${label} must be whole days.`), v.minValue(1, `${label}: at least 1 day.`), v.maxValue(3650, `${label}: at most 3650 days.`)));

const sampling = {
  sample: v.optional(
    v.union(
      [
        v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(RESPONSE_LIMIT_MAX)) }),
        v.strictObject({ percent: v.pipe(v.number(), v.gtValue(0), v.maxValue(100)) }),
      ],
      'A sample is {"count": whole number ≥ 1} or {"percent": more than 0, at most 100}.',
    ),
  ),
  seed: v.optional(v.pipe(v.string('The seed must be text.'), v.regex(/^[\x21-\x7e]{1,64}$/, 'The seed is 1 to 64 visible ASCII characters.'))),
};

const condition = v.pipe(
  v.strictObject({
    key: v.pipe(v.string('An attribute key must be text.'), v.regex(ATTRIBUTE_KEY_PATTERN, 'Not an attribute key.')),
    op: v.picklist(['equals', 'notEquals', 'contains', 'exists'], 'op is equals, notEquals, contains or exists.'),
    value: v.optional(v.union([v.pipe(v.string(), v.maxLength(1000)), v.number(), v.boolean()], 'The value is text, a number or true/false.')),
  }),
  v.check((rule) => rule.op === 'exists' || rule.value !== undefined, 'This condition needs a value.'),
);

const targetSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('all'), ...sampling }),
    v.strictObject({
      kind: v.literal('filter'),
      attributes: v.optional(v.pipe(v.array(condition, 'attributes is a list of conditions.'), v.maxLength(20, 'At most 20 conditions.'))),
      notChattedInDays: days('notChattedInDays'),
      chattedInDays: days('chattedInDays'),
      ...sampling,
    }),
    v.strictObject({
      kind: v.literal('ids'),
      externalIds: v.pipe(
        v.array(v.pipe(v.string('An external id is text.'), v.regex(EXTERNAL_ID_PATTERN, 'An external id is 1 to 128 letters, digits or ._:@-')), 'externalIds is a list.'),
        v.minLength(1, 'Name at least one participant.'),
        v.maxLength(TARGET_IDS_MAX, `At most ${TARGET_IDS_MAX} ids; target more people with a filter.`),
      ),
      ...sampling,
    }),
  ],
  'The target kind is all, filter or ids.',
);

const messageSchema = v.strictObject({
  subject: v.optional(v.pipe(v.string('The subject must be text.'), v.trim(), v.minLength(1, 'Write a subject.'), v.maxLength(SUBJECT_MAX, `Keep the subject to ${SUBJECT_MAX} characters.`))),
  body: v.pipe(
    v.string('The message must be text.'),
    v.trim(),
    v.maxLength(EMAIL_BODY_MAX, `Keep the message to ${EMAIL_BODY_MAX} characters.`),
    v.check(hasLinkPlaceholder, 'The message must contain {{link}}: it becomes the personal link.'),
  ),
});

const fields = (appLocales: readonly LocaleCode[]) => ({
  name: v.pipe(v.string('Give the invitation a name.'), v.trim(), v.minLength(1, 'Give the invitation a name.'), v.maxLength(INVITATION_NAME_MAX, `Keep the name to ${INVITATION_NAME_MAX} characters.`)),
  description: v.nullish(v.pipe(v.string('The description must be text.'), v.trim(), v.maxLength(INVITATION_DESCRIPTION_MAX))),
  locale: v.picklist([...appLocales], "Choose one of the app's languages."),
  opensAt: time('opensAt'),
  closesAt: time('closesAt'),
  responseLimit: v.nullish(v.pipe(v.number('The limit must be a whole number.'), v.integer('The limit must be a whole number.'), v.minValue(1, 'The limit must be at least 1 (or null for none).'), v.maxValue(RESPONSE_LIMIT_MAX))),
  target: targetSchema,
  localeMatchOnly: v.boolean('localeMatchOnly must be true or false.'),
  channel: v.picklist(['email', 'sms'], 'The channel is email or sms.'),
  messages: v.pipe(
    v.record(v.picklist(LOCALE_CODES, 'Messages are keyed by language code.'), messageSchema, 'messages is an object keyed by language.'),
    v.check((messages) => Object.keys(messages).length > 0, 'Write the message.'),
  ),
});

/** The whole definition's rules beyond each field's own: window order, the engagement locale's message, subjects. */
function definitionProblems(input: InvitationInput): InvitationProblem[] {
  const problems: InvitationProblem[] = [];
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) problems.push({ pointer: '/closesAt', message: 'The invitation must close after it opens.' });
  if (!input.messages[input.locale]) problems.push({ pointer: `/messages/${input.locale}`, message: 'Write the message in the engagement language.' });
  for (const [locale, message] of Object.entries(input.messages)) {
    if (input.channel === 'email' && message?.subject === undefined) problems.push({ pointer: `/messages/${locale}/subject`, message: 'An email needs a subject.' });
    if (input.channel === 'sms' && message?.subject !== undefined) problems.push({ pointer: `/messages/${locale}/subject`, message: 'A text message has no subject.' });
    if (input.channel === 'sms' && message && message.body.length > SMS_BODY_MAX) {
      problems.push({ pointer: `/messages/${locale}/body`, message: `Keep a text message to ${SMS_BODY_MAX} characters.` });
    }
  }
  return problems;
}

/** A create body (or a draft's patched definition) → the definition, or 400 invalid_request listing every problem. */
export function parseInvitationInput(body: unknown, appLocales: readonly LocaleCode[]): InvitationInput {
  const parsed = v.safeParse(v.strictObject(fields(appLocales), 'Send a JSON object.'), body);
  if (!parsed.success) throw refused(parsed.issues.map(toProblem));
  const input = parsed.output as InvitationInput;
  const problems = definitionProblems(input);
  if (problems.length > 0) throw refused(problems);
  return input;
}

function toProblem(issue: v.BaseIssue<unknown>): InvitationProblem {
  const path = (issue.path ?? []).map((item) => String(item.key));
  const unknownField = issue.type === 'strict_object' && issue.expected === 'never';
  const missing = issue.type === 'strict_object' && !unknownField;
  const pointer = path.length ? `/${path.map((key) => key.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
  if (unknownField) return { pointer, message: 'Unknown field.' };
  if (missing) return { pointer, message: 'Required.' };
  return { pointer, message: issue.message };
}

function refused(problems: InvitationProblem[]): ApiError {
  const first = problems[0];
  const summary = first ? `${first.pointer || 'body'}: ${first.message}` : 'The invitation is not valid';
  return new ApiError(400, 'invalid_request', summary, {}, problems.slice(0, 50));
}

/** GET .../invitations/{id}?after=&limit=: recipients in sending order, 100 a page by default. */
export const recipientPageSchema = v.object({
  after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,9}$/, 'after is the `next` of the previous page.'), v.transform(Number))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'limit is a whole number from 1 to 500.'), v.transform(Number), v.minValue(1), v.maxValue(500))),
});

/** POST .../invitations/{id}/preview */
export const previewRequestSchema = v.strictObject({ externalId: v.pipe(v.string(), v.regex(EXTERNAL_ID_PATTERN, 'An external id is 1 to 128 letters, digits or ._:@-')) });
