import * as v from 'valibot';
import { LOCALE_CODES } from '../config/locale-codes';
import { countSchema } from './wire-schemas';

// The participants agent API's answers (server/participants/participant-wire.ts) as valibot schemas: what the
// console checks.

const scalar = v.union([v.string(), v.number(), v.boolean()]);

export const agentParticipantSchema = v.looseObject({
  externalId: v.string(),
  email: v.nullable(v.string()),
  phone: v.nullable(v.string()),
  locale: v.nullable(v.picklist(LOCALE_CODES)),
  subscribed: v.boolean(),
  attributes: v.record(v.string(), v.union([scalar, v.array(scalar)])),
  lastChattedAt: v.nullable(v.string()),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const participantListResponseSchema = v.looseObject({
  participants: v.array(agentParticipantSchema),
  next: v.nullable(v.string()),
});

export const participantImportReportSchema = v.looseObject({
  created: countSchema,
  updated: countSchema,
  rejected: v.array(
    v.looseObject({
      row: countSchema,
      externalId: v.optional(v.string()),
      pointer: v.string(),
      code: v.string(),
      message: v.string(),
    }),
  ),
});
