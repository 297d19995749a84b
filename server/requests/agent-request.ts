import * as v from 'valibot';
import { IDENTITY_LIMITS, LINK_LIMITS } from '../../src/api/limits';
import { clientIdSchema, messageTextSchema } from './message-request';
import { text } from './text-rules';

const authorName = v.optional(
  v.pipe(text({ max: IDENTITY_LIMITS.name, nonBlank: true }), v.transform((name) => name.trim())),
);

/** Only absolute web URLs without embedded credentials reach a visitor's screen. */
function webUrl(protocols: readonly string[], name: string) {
  return v.pipe(
    text({ max: LINK_LIMITS.url, min: 1 }),
    v.check((value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return protocols.includes(url.protocol) && !url.username && !url.password;
    }, `must be an absolute ${name} URL without credentials`),
  );
}

const linkCardSchema = v.pipe(
  v.strictObject({
    url: webUrl(['http:', 'https:'], 'http(s)'),
    title: text({ max: LINK_LIMITS.title, nonBlank: true }),
    // The page's CSP allows images from https: only; an http image would be blocked there, so it is refused here.
    imageUrl: v.optional(webUrl(['https:'], 'https')),
    description: v.optional(text({ max: LINK_LIMITS.description })),
  }),
  v.transform(({ description, imageUrl, ...card }) => ({
    ...card,
    ...(imageUrl !== undefined ? { imageUrl } : {}),
    ...(description ? { description } : {}),
  })),
);

/** POST /api/agent/apps/{appId}/sessions/{id}/messages: a text or a link card. */
export const agentSendSchema = v.variant(
  'kind',
  [
    v.strictObject({ clientId: clientIdSchema, kind: v.literal('text'), text: messageTextSchema, authorName }),
    v.strictObject({ clientId: clientIdSchema, kind: v.literal('link'), link: linkCardSchema, authorName }),
  ],
  'must be "text" or "link"',
);

/** POST .../typing: {typing, authorName?}. */
export const typingSchema = v.strictObject({ typing: v.boolean('must be true or false'), authorName });

/** ?status=open|closed|all (default all). */
export const statusQuerySchema = v.object({
  status: v.optional(v.picklist(['open', 'closed', 'all'], 'must be open, closed or all'), 'all'),
});
