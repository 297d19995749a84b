import type { LinkPreviewResponse } from '../agent-wire';
import type { MessageResponse } from '../../src/api/wire';
import { LINK_LIMITS } from '../../src/api/limits';
import { PREVIEW_IMAGE_ID } from '../../src/api/wire-guards';
import { authenticateAgent } from '../auth/authenticate-agent';
import { ApiError } from '../http/api-error';
import { expectObject, requiredString } from '../http/json-shape';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import { previewUrlFor } from '../previews/preview-policy';
import { requireApp, requireSessionInApp } from './route-lookups';
import type { RouteHandler } from './route-types';

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** GET /api/previews/{imageId}: a re-encoded preview image, from this origin so browsers never contact the site. */
export const getPreviewImage: RouteHandler = async ({ context, response, params }) => {
  const id = params.imageId ?? '';
  const image = PREVIEW_IMAGE_ID.test(id) ? await context.previews.findImage(id) : undefined;
  if (!image) throw new ApiError(404, 'not_found', 'No such preview image');
  response.statusCode = 200;
  response.setHeader('Content-Type', 'image/webp');
  response.setHeader('Content-Length', image.body.length);
  // Named by the hash of its bytes: the same id is always the same image.
  response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  response.end(image.body);
};

/** POST /api/agent/apps/{appId}/previews {url}: what the visitor would see for a link the agent is composing. */
export const previewAgentLink: RouteHandler = async ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const app = requireApp(context, params.appId);
  const body = expectObject(await readJsonBody(request), 'body', ['url']);
  const url = previewUrlFor(requiredString(body, 'url', 'body', { max: LINK_LIMITS.url, min: 1 }), 'agent', app.linkPreviews);
  const preview = url ? await context.previews.previewFor(url) : undefined;
  const answer: LinkPreviewResponse = preview ? { preview } : {};
  sendJson(response, 200, answer);
};

/** DELETE /api/agent/apps/{appId}/sessions/{id}/messages/{messageId}/preview */
export const removeMessagePreview: RouteHandler = async ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const app = requireApp(context, params.appId);
  const session = await requireSessionInApp(context, app, params.sessionId);
  const messageId = params.messageId ?? '';
  const message = MESSAGE_ID.test(messageId) ? await context.store.messages.setPreview(app.appId, session.id, messageId, undefined) : undefined;
  if (!message) throw new ApiError(404, 'not_found', 'No such message');
  const answer: MessageResponse = { message };
  sendJson(response, 200, answer);
};
