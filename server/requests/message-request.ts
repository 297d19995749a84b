import * as v from 'valibot';
import { CLIENT_ID_PATTERN, MAX_MESSAGE_LENGTH, MAX_PAGE_SIZE } from '../../src/api/limits';
import { text } from './text-rules';

export const DEFAULT_PAGE_SIZE = 50;

export const clientIdSchema = v.pipe(text({ max: 64 }), v.regex(CLIENT_ID_PATTERN, `must match ${CLIENT_ID_PATTERN}`));
export const messageTextSchema = text({ max: MAX_MESSAGE_LENGTH, min: 1, nonBlank: true });

/** POST .../sessions/{id}/messages: {clientId, text}. */
export const sendMessageSchema = v.strictObject({ clientId: clientIdSchema, text: messageTextSchema });

/** A bound in a query: absent or empty → undefined; otherwise a whole number. */
const wholeNumber = v.optional(
  v.pipe(
    v.string(),
    v.check((raw) => raw === '' || /^\d{1,15}$/.test(raw), 'must be a whole number'),
    v.transform((raw) => (raw === '' ? undefined : Number(raw))),
  ),
);

/** ?after=&before=&limit= : exclusive seq bounds, limit 1..MAX_PAGE_SIZE (default 50). */
export const pageQuerySchema = v.pipe(
  v.object({
    after: wholeNumber,
    before: wholeNumber,
    limit: v.pipe(
      wholeNumber,
      v.check((limit) => limit === undefined || (limit >= 1 && limit <= MAX_PAGE_SIZE), `must be from 1 to ${MAX_PAGE_SIZE}`),
    ),
  }),
  v.transform(({ after, before, limit }) => ({ after, before, limit: limit ?? DEFAULT_PAGE_SIZE })),
);

export type PageQuery = v.InferOutput<typeof pageQuerySchema>;

/** Calls that take no input accept no body or `{}`; anything else is 400. */
export const emptyBodySchema = v.strictObject({});
