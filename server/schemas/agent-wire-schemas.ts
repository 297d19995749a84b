import * as v from 'valibot';
import { LOCALE_CODES } from '../config/locale-codes';
import { messageSchema, sessionSchema } from './wire-schemas';

// The agent API's answers (server/agent-wire.ts) as valibot schemas: what the agent console checks before use.

const visitorSummary = {
  id: v.string(),
  verified: v.boolean(),
  displayName: v.optional(v.string()),
  locale: v.picklist(LOCALE_CODES),
};

export const agentSessionSummarySchema = v.looseObject({
  ...sessionSchema.entries,
  appId: v.string(),
  updatedAt: v.string(),
  visitor: v.looseObject(visitorSummary),
  lastMessage: v.optional(messageSchema),
});

const optionalStrings = v.record(v.string(), v.string());
const attributeScalar = v.union([v.string(), v.number(), v.boolean()]);
const userContextSchema = v.looseObject({
  userId: v.string(),
  attributes: v.record(v.string(), v.union([attributeScalar, v.array(attributeScalar)])),
  updatedAt: v.string(),
});

export const agentSessionDetailResponseSchema = v.looseObject({
  session: agentSessionSummarySchema,
  visitor: v.looseObject({
    ...visitorSummary,
    customerId: v.optional(v.string()),
    claims: optionalStrings,
    vars: optionalStrings,
    createdAt: v.string(),
    userContext: v.optional(userContextSchema),
  }),
});

const apiKeySchema = v.looseObject({
  id: v.string(),
  appId: v.string(),
  name: v.string(),
  createdAt: v.string(),
  revokedAt: v.nullable(v.string()),
});
export const apiKeyListResponseSchema = v.looseObject({ apiKeys: v.array(apiKeySchema) });
export const apiKeyCreatedResponseSchema = v.looseObject({ apiKey: apiKeySchema, key: v.string() });
export const apiKeyRevokedResponseSchema = v.looseObject({ apiKey: apiKeySchema });

export const agentSessionListResponseSchema = v.looseObject({
  sessions: v.array(agentSessionSummarySchema),
  nextCursor: v.optional(v.string()),
});
export const agentAppsResponseSchema = v.looseObject({
  apps: v.array(v.looseObject({ appId: v.string(), name: v.string(), locales: v.array(v.picklist(LOCALE_CODES)) })),
});

const agentRole = v.picklist(['owner', 'admin', 'agent']);

export const agentMeResponseSchema = v.looseObject({
  agent: v.looseObject({
    id: v.string(),
    name: v.string(),
    displayName: v.optional(v.string()),
    role: agentRole,
    apps: v.array(v.string()),
    account: v.boolean(),
  }),
});

export const agentAccountSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  displayName: v.string(),
  role: agentRole,
  apps: v.array(v.string()),
  disabled: v.boolean(),
  createdAt: v.string(),
  updatedAt: v.string(),
});
export const agentListResponseSchema = v.looseObject({ agents: v.array(agentAccountSchema) });
export const agentAccountResponseSchema = v.looseObject({ agent: agentAccountSchema });
export const agentCredentialResponseSchema = v.looseObject({ agent: agentAccountSchema, token: v.string() });

// A preview's fields are checked again where it is rendered (readLinkPreview, shared with the page).
const linkPreviewSchema = v.looseObject({ url: v.string(), title: v.string() });

export const linkPreviewResponseSchema = v.looseObject({ preview: v.optional(linkPreviewSchema) });
export const agentPreviewEventSchema = v.looseObject({
  sessionId: v.string(),
  messageId: v.string(),
  seq: v.number(),
  preview: v.optional(linkPreviewSchema),
});
