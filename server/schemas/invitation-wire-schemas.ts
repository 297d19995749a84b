import * as v from 'valibot';
import { LOCALE_CODES } from '../config/locale-codes';
import { countSchema } from './wire-schemas';

// The invitations agent API's answers (server/invitations/invitation-wire.ts) as valibot schemas: what the console checks.

const locale = v.picklist(LOCALE_CODES);
const channel = v.picklist(['email', 'sms']);
const sample = v.union([v.looseObject({ count: countSchema }), v.looseObject({ percent: v.number() })]);
const extras = { sample: v.optional(sample), seed: v.optional(v.string()) };
const condition = v.looseObject({ key: v.string(), op: v.picklist(['equals', 'notEquals', 'contains', 'exists']), value: v.optional(v.union([v.string(), v.number(), v.boolean()])) });

export const invitationTargetSchema = v.variant('kind', [
  v.looseObject({ kind: v.literal('all'), ...extras }),
  v.looseObject({
    kind: v.literal('filter'),
    attributes: v.optional(v.array(condition)),
    notChattedInDays: v.optional(countSchema),
    chattedInDays: v.optional(countSchema),
    ...extras,
  }),
  v.looseObject({ kind: v.literal('ids'), externalIds: v.array(v.string()), ...extras }),
]);

export const invitationCountsSchema = v.looseObject({
  audience: countSchema,
  queued: countSchema,
  sent: countSchema,
  failed: countSchema,
  bounced: countSchema,
  unknown: countSchema,
  opened: countSchema,
  responded: countSchema,
  skipped: countSchema,
});

export const agentInvitationSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  description: v.optional(v.string()),
  locale,
  opensAt: v.string(),
  closesAt: v.string(),
  responseLimit: v.optional(countSchema),
  target: invitationTargetSchema,
  localeMatchOnly: v.boolean(),
  channel,
  messages: v.record(locale, v.looseObject({ subject: v.optional(v.string()), body: v.string() })),
  status: v.picklist(['draft', 'scheduled', 'sending', 'sent', 'closed', 'cancelled']),
  seed: v.optional(v.string()),
  createdAt: v.string(),
  sentAt: v.optional(v.string()),
  closedAt: v.optional(v.string()),
  closedReason: v.optional(v.picklist(['limit', 'window', 'cancelled'])),
  counts: invitationCountsSchema,
});

export const agentRecipientSchema = v.looseObject({
  externalId: v.string(),
  channel,
  address: v.nullable(v.string()),
  locale,
  status: v.picklist(['queued', 'sending', 'sent', 'failed', 'bounced', 'unknown', 'skipped']),
  skipReason: v.optional(v.picklist(['unsubscribed', 'no_address', 'locale_mismatch', 'closed'])),
  openedAt: v.optional(v.string()),
  respondedAt: v.optional(v.string()),
  error: v.optional(v.string()),
  timeline: v.array(v.looseObject({ at: v.string(), event: v.string() })),
});

const channelState = v.looseObject({ configured: v.boolean(), missing: v.optional(v.array(v.string())) });

export const invitationResponseSchema = v.looseObject({ invitation: agentInvitationSchema });
export const invitationListResponseSchema = v.looseObject({
  invitations: v.array(agentInvitationSchema),
  channels: v.looseObject({ email: channelState, sms: channelState }),
});
export const invitationDetailResponseSchema = v.looseObject({
  invitation: agentInvitationSchema,
  counts: invitationCountsSchema,
  recipients: v.array(agentRecipientSchema),
  next: v.nullable(v.string()),
});
export const invitationPreviewResponseSchema = v.looseObject({ subject: v.optional(v.string()), body: v.string() });
