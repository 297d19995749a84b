import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../http/app-env';
import { ApiError, invalidRequest } from '../http/api-error';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { managerOfApp } from '../http/route-guards';
import type { ChatLinkDetailResponse, ChatLinkListResponse, ChatLinkResponse } from '../links/agent-link-wire';
import { createChatLink, openChatLink, patchChatLink, requireLink, toAgentLink, toAgentLinks } from '../links/chat-links';
import { requestOrigin } from '../links/link-origin';
import { chatLinkUrl } from '../links/link-url';
import { parseQrSize, qrPng, qrSvg } from '../links/qr-code';
import { matchLocaleCode } from '../config/locale-codes';
import { LINK_SLUG_PATTERN } from '../../src/api/limits';
import { emptyBodySchema } from '../requests/message-request';

// Any JSON body: the link rules check it against the app's locales and report every bad field at once.
const anyBody = jsonBody(v.unknown());

const originOf = (c: Context<AppEnv>) => requestOrigin(c.env.incoming, c.var.context.isTrustedProxy);

/** Mounted at /api/links: the page's one call for /c/<slug> (public, like an app's config). */
export const publicLinkRoutes = new Hono<AppEnv>()
  /** GET /{slug}/config?locale=xx: 200 in every state (so the page can brand each screen), 404 link_not_found. */
  .get('/:slug/config', async (c) => {
    const slug = c.req.param('slug');
    if (!LINK_SLUG_PATTERN.test(slug)) throw new ApiError(404, 'link_not_found', 'No such link');
    return json(c, 200, await openChatLink(c.var.context, slug, matchLocaleCode(c.req.query('locale'))));
  });

/** Mounted at /api/agent: an owner's or admin's chat links of an app (see server/links/agent-link-wire.ts). */
export const agentLinkRoutes = new Hono<AppEnv>()
  /** GET /apps/{appId}/links: newest first, with their engagement totals. */
  .get('/apps/:appId/links', managerOfApp, async (c) => {
    const { context, app } = c.var;
    const body: ChatLinkListResponse = { links: await toAgentLinks(context, await context.store.links.list(app.appId), originOf(c)) };
    return json(c, 200, body);
  })
  /** POST /apps/{appId}/links → 201, 400 invalid_request naming every bad field, 409 slug_taken. */
  .post('/apps/:appId/links', managerOfApp, anyBody, async (c) => {
    const { context, app } = c.var;
    const link = await createChatLink(context, app, c.req.valid('json'));
    const body: ChatLinkResponse = { link: await toAgentLink(context, link, originOf(c)) };
    return json(c, 201, body);
  })
  /** GET /apps/{appId}/links/{id}: the link and its engagement per UTC day. */
  .get('/apps/:appId/links/:linkId', managerOfApp, async (c) => {
    const { context, app } = c.var;
    const link = await requireLink(context, app, c.req.param('linkId'));
    const body: ChatLinkDetailResponse = { link: await toAgentLink(context, link, originOf(c)), engagement: await context.store.links.days(link.id) };
    return json(c, 200, body);
  })
  /** PATCH /apps/{appId}/links/{id}: any subset of the fields; a new slug keeps the old ones answering. */
  .patch('/apps/:appId/links/:linkId', managerOfApp, anyBody, async (c) => {
    const { context, app } = c.var;
    const link = await requireLink(context, app, c.req.param('linkId'));
    const next = await patchChatLink(context, app, link, c.req.valid('json'));
    const body: ChatLinkResponse = { link: await toAgentLink(context, next, originOf(c)) };
    return json(c, 200, body);
  })
  /** DELETE /apps/{appId}/links/{id}: disables (the link and its counts stay; its address says "disabled"). */
  .delete('/apps/:appId/links/:linkId', managerOfApp, jsonBody(emptyBodySchema), async (c) => {
    const { context, app } = c.var;
    const link = await requireLink(context, app, c.req.param('linkId'));
    const next = await patchChatLink(context, app, link, { disabled: true });
    const body: ChatLinkResponse = { link: await toAgentLink(context, next, originOf(c)) };
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/links/{id}/qr.svg: the QR code of the link's URL, scalable for print. */
  .get('/apps/:appId/links/:linkId/qr.svg', managerOfApp, async (c) => {
    const { context, app } = c.var;
    const link = await requireLink(context, app, c.req.param('linkId'));
    const svg = await qrSvg(chatLinkUrl(originOf(c), link.slug));
    return c.body(svg, 200, qrHeaders(link.slug, 'svg'));
  })
  /** GET /apps/{appId}/links/{id}/qr.png?size=512: 128 to 2048 pixels a side. */
  .get('/apps/:appId/links/:linkId/qr.png', managerOfApp, async (c) => {
    const { context, app } = c.var;
    const link = await requireLink(context, app, c.req.param('linkId'));
    const size = parseQrSize(c.req.query('size'));
    if (size === undefined) throw invalidRequest('query.size: must be a whole number of pixels from 128 to 2048');
    const png = await qrPng(chatLinkUrl(originOf(c), link.slug), size);
    return c.body(new Uint8Array(png), 200, qrHeaders(link.slug, 'png'));
  });

function qrHeaders(slug: string, format: 'svg' | 'png'): Record<string, string> {
  return {
    'Content-Type': format === 'svg' ? 'image/svg+xml' : 'image/png',
    'Content-Disposition': `inline; filename="chat-link-${slug}.${format}"`,
    'Cache-Control': 'no-store',
  };
}
