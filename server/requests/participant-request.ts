import * as v from 'valibot';
import { normalizeLocale } from '../../src/i18n/normalize-locale';
import { normalizeAttributes, type AttributeValue } from '../deep-links/attribute-rules';
import { ApiError, invalidRequest } from '../http/api-error';
import { PARTICIPANT_LIMITS, type ParticipantProblemCode, type RejectedRow } from '../participants/participant-wire';
import type { CsvRow } from '../participants/participant-csv';
import type { ParticipantUpsert } from '../store/records';
import { attributesSchema, detailOf, USER_ID_PATTERN } from './deep-link-request';

// The rows of PUT .../participants and of a CSV import. Each row is checked on its own: a bad one is reported as a
// rejected row (pointer and code) and the others are saved. Every message of the row schema is a problem code.

/** The external id becomes the user id of the participant's personal links, so it follows the same pattern. */
export const EXTERNAL_ID_PATTERN = USER_ID_PATTERN;
/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;
const PHONE_SEPARATORS = /[\s().-]/g;
const EMAIL_MAX = 254;
/** The WHATWG address syntax (rfcEmail) also takes `name@localhost`; mail to participants needs a domain with a dot. */
const DOTTED_DOMAIN = /@[^@]+\.[^@.]+$/;

const rowSchema = v.strictObject(
  {
    externalId: v.pipe(v.string('invalid_external_id'), v.regex(EXTERNAL_ID_PATTERN, 'invalid_external_id')),
    email: v.optional(
      v.nullable(v.pipe(v.string('invalid_email'), v.trim(), v.maxLength(EMAIL_MAX, 'invalid_email'), v.rfcEmail('invalid_email'), v.regex(DOTTED_DOMAIN, 'invalid_email'))),
    ),
    phone: v.optional(
      v.nullable(
        v.pipe(
          v.string('invalid_phone'),
          v.transform((phone) => phone.replace(PHONE_SEPARATORS, '')),
          v.regex(E164, 'invalid_phone'),
        ),
      ),
    ),
    locale: v.optional(
      v.nullable(
        v.pipe(
          v.string('invalid_locale'),
          v.rawTransform(({ dataset, addIssue, NEVER }) => {
            const locale = normalizeLocale(dataset.value);
            if (locale) return locale;
            addIssue({ message: 'invalid_locale' });
            return NEVER;
          }),
        ),
      ),
    ),
    subscribed: v.optional(v.boolean('invalid_subscribed')),
    attributes: v.optional(attributesSchema),
  },
  'invalid_type',
);

const MESSAGES: Record<ParticipantProblemCode, string> = {
  invalid_type: 'The row must be an object',
  required: 'This field is required',
  unknown_field: 'Not a participant field',
  invalid_external_id: 'Use 1 to 128 letters, digits and . _ : @ -',
  duplicate_external_id: 'An earlier row has the same external id',
  invalid_email: 'Not an email address',
  invalid_phone: 'Not an international phone number (E.164, like +33612345678)',
  invalid_locale: 'Not one of the languages: zh-cn, zh-tw, en, ja, ko, de, fr, pt, ru',
  invalid_subscribed: 'Use true or false',
  invalid_csv_row: 'The line does not have as many cells as the header',
  invalid_key: 'Attribute names start with a letter or _ and hold letters, digits and _ . -',
  nested_object: 'An attribute holds a text, number, true/false or a list of them',
  array_of_objects: 'A list holds texts, numbers or true/false',
  nested_array: 'A list cannot hold lists',
  null_value: 'An attribute cannot be null',
  invalid_value: 'An attribute holds a text, number, true/false or a list of them',
  value_too_long: 'At most 1000 characters',
  too_many_items: 'At most 100 items in a list',
  too_many_attributes: 'At most 50 attributes',
  attributes_too_large: 'The attributes are larger than 8 KB',
};

/** One rejected row as the API reports it. */
export function rejectedRow(row: number, code: ParticipantProblemCode, pointer: string, externalId?: string): RejectedRow {
  return { row, ...(externalId === undefined ? {} : { externalId }), pointer, code, message: MESSAGES[code] };
}

export interface CheckedRows {
  rows: ParticipantUpsert[];
  rejected: RejectedRow[];
}

/** Rows as sent (objects), each with the number it is reported under; duplicates after the first are rejected. */
export function checkParticipantRows(entries: readonly { row: number; value: unknown }[]): CheckedRows {
  const rows: ParticipantUpsert[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const { row, value } of entries) {
    const externalId = externalIdOf(value);
    const result = v.safeParse(rowSchema, value);
    if (!result.success) {
      const detail = detailOf(result.issues[0]);
      rejected.push(rejectedRow(row, detail.code as ParticipantProblemCode, detail.pointer, externalId));
    } else if (seen.has(result.output.externalId)) {
      rejected.push(rejectedRow(row, 'duplicate_external_id', '/externalId', externalId));
    } else {
      seen.add(result.output.externalId);
      const { attributes, ...fields } = result.output;
      rows.push({
        ...fields,
        ...(attributes === undefined ? {} : { attributes: normalizeAttributes(attributes as Record<string, AttributeValue>, new Set()) }),
      });
    }
  }
  return { rows, rejected };
}

/** A CSV file's rows: a line without as many cells as the header is rejected as a whole. */
export function checkCsvRows(csvRows: readonly CsvRow[]): CheckedRows {
  if (csvRows.length === 0) throw invalidRequest('The file has no participants after its header line');
  if (csvRows.length > PARTICIPANT_LIMITS.rows) throw tooManyRows();
  const ragged = csvRows.filter((row) => row.ragged).map((row) => rejectedRow(row.row, 'invalid_csv_row', '', externalIdOf(row.value)));
  const checked = checkParticipantRows(csvRows.filter((row) => !row.ragged));
  return { rows: checked.rows, rejected: [...ragged, ...checked.rejected].sort((a, b) => a.row - b.row) };
}

/** The body of PUT .../participants: 400 unless a JSON array of 1 to 5000 rows (the rows are checked one by one). */
export function parseParticipantArray(body: unknown): CheckedRows {
  if (!Array.isArray(body)) throw invalidRequest('The body must be a JSON array of participants');
  if (body.length === 0) throw invalidRequest('The array holds no participants');
  if (body.length > PARTICIPANT_LIMITS.rows) throw tooManyRows();
  return checkParticipantRows(body.map((value, row) => ({ row, value })));
}

export function tooManyRows(): ApiError {
  return new ApiError(422, 'too_many_rows', `At most ${PARTICIPANT_LIMITS.rows} participants per request`, {}, { max: PARTICIPANT_LIMITS.rows });
}

function externalIdOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const id = (value as Record<string, unknown>).externalId;
  return typeof id === 'string' ? id.slice(0, 128) : undefined;
}
