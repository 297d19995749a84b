import * as v from 'valibot';
import { LOCALE_CODES } from '../config/locale-codes';
import { countSchema } from './wire-schemas';

// The chat-link agent API's answers (server/links/agent-link-wire.ts) as valibot schemas: what the console checks.

const engagementCounts = { opens: countSchema, conversations: countSchema, messages: countSchema };

export const agentChatLinkSchema = v.looseObject({
  id: v.string(),
  appId: v.string(),
  name: v.string(),
  description: v.optional(v.string()),
  locale: v.picklist(['*', ...LOCALE_CODES]),
  activeFrom: v.optional(v.string()),
  expiresAt: v.optional(v.string()),
  slug: v.string(),
  url: v.pipe(v.string(), v.url()),
  perParticipantLimit: v.optional(countSchema),
  disabled: v.boolean(),
  state: v.picklist(['active', 'not_yet_active', 'expired', 'disabled']),
  createdAt: v.string(),
  updatedAt: v.string(),
  totals: v.looseObject(engagementCounts),
});

export const chatLinkResponseSchema = v.looseObject({ link: agentChatLinkSchema });
export const chatLinkListResponseSchema = v.looseObject({ links: v.array(agentChatLinkSchema) });
export const chatLinkDetailResponseSchema = v.looseObject({
  link: agentChatLinkSchema,
  engagement: v.array(v.looseObject({ day: v.pipe(v.string(), v.isoDate()), ...engagementCounts })),
});
