import * as v from 'valibot';

/** The seq a reconnecting client saw last (Last-Event-ID); undefined on a first connection. */
export const streamHeadersSchema = v.object({
  'last-event-id': v.optional(
    v.pipe(
      v.string(),
      v.check((raw) => raw === '' || /^\d{1,15}$/.test(raw.trim()), 'must be a seq'),
      v.transform((raw) => (raw === '' ? undefined : Number(raw.trim()))),
    ),
  ),
});
