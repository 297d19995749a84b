import { Hono } from 'hono';
import type { LinkPreviewResponse } from '../agent-wire';
import type { MessageResponse } from '../../src/api/wire';
import { PREVIEW_IMAGE_ID } from '../../src/api/wire-guards';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { agentOfApp } from '../http/route-guards';
import { previewUrlFor } from '../previews/preview-policy';
import { previewLinkSchema } from '../requests/preview-request';
import { requireSessionInApp } from './route-lookups';

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Mounted at /api/previews. */
export const previewImageRoutes = new Hono<AppEnv>()
  /** GET /{imageId}: a re-encoded preview image, from this origin so browsers never contact the site. */
  .get('/:imageId', async (c) => {
    const id = c.req.param('imageId');
    const image = PREVIEW_IMAGE_ID.test(id) ? await c.var.context.previews.findImage(id) : undefined;
    if (!image) throw new ApiError(404, 'not_found', 'No such preview image');
    // Named by the hash of its bytes: the same id is always the same image.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(new Uint8Array(image.body), 200, { 'Content-Type': 'image/webp' });
  });

/** Mounted at /api/agent. */
export const agentPreviewRoutes = new Hono<AppEnv>()
  /** POST /apps/{appId}/previews {url}: what the visitor would see for a link the agent is composing. */
  .post('/apps/:appId/previews', agentOfApp, jsonBody(previewLinkSchema), async (c) => {
    const { context, app } = c.var;
    const url = previewUrlFor(c.req.valid('json').url, 'agent', app.linkPreviews);
    const preview = url ? await context.previews.previewFor(url) : undefined;
    const body: LinkPreviewResponse = preview ? { preview } : {};
    return json(c, 200, body);
  })
  /** DELETE /apps/{appId}/sessions/{id}/messages/{messageId}/preview: the message, now without its preview. */
  .delete('/apps/:appId/sessions/:sessionId/messages/:messageId/preview', agentOfApp, async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    const messageId = c.req.param('messageId');
    const message = MESSAGE_ID.test(messageId) ? await context.store.messages.setPreview(app.appId, session.id, messageId, undefined) : undefined;
    if (!message) throw new ApiError(404, 'not_found', 'No such message');
    const body: MessageResponse = { message };
    return json(c, 200, body);
  });
