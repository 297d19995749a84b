import * as v from 'valibot';
import { SESSION_ID_PATTERN } from '../../src/api/limits';

// The wire contract's answers as valibot schemas, for the agent console (and tests) to check what a server sent.
// The page keeps its smaller hand-written guards (src/api/wire-guards.ts); test/server/wire-guards-drift.test.ts runs
// both over the same fixtures so they cannot drift apart. Objects are loose: a newer server may add fields.

export const countSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

export const sessionSchema = v.looseObject({
  id: v.pipe(v.string(), v.regex(SESSION_ID_PATTERN)),
  status: v.picklist(['open', 'closed']),
  createdAt: v.string(),
  lastSeq: countSchema,
});

export const linkCardSchema = v.looseObject({
  url: v.string(),
  title: v.string(),
  imageUrl: v.optional(v.string()),
  description: v.optional(v.string()),
});

const messageCommon = {
  id: v.string(),
  seq: v.pipe(countSchema, v.minValue(1)),
  clientId: v.optional(v.string()),
  author: v.looseObject({ role: v.picklist(['visitor', 'agent', 'system']), name: v.optional(v.string()) }),
  createdAt: v.string(),
};

export const messageSchema = v.variant('kind', [
  v.looseObject({ ...messageCommon, kind: v.literal('text'), text: v.string() }),
  v.looseObject({ ...messageCommon, kind: v.literal('link'), link: linkCardSchema }),
]);

export const appConfigSchema = v.looseObject({
  appId: v.string(),
  name: v.string(),
  branding: v.looseObject({
    title: v.string(),
    accentColor: v.string(),
    logoUrl: v.optional(v.string()),
    welcome: v.string(),
  }),
});

export const visitorResponseSchema = v.looseObject({
  visitorToken: v.string(),
  visitor: v.looseObject({ id: v.string(), verified: v.boolean(), displayName: v.optional(v.string()) }),
});

export const sessionResponseSchema = v.looseObject({ session: sessionSchema });
export const messageResponseSchema = v.looseObject({ message: messageSchema });
export const messagePageSchema = v.looseObject({ messages: v.array(messageSchema), hasMore: v.boolean() });
