import type { ChatLinkConfigResponse } from '../../src/api/wire';
import { LINK_SLUG_PATTERN } from '../../src/api/limits';
import { authenticateAgent } from '../auth/authenticate-agent';
import { matchLocaleCode } from '../config/locale-codes';
import { ApiError, invalidRequest } from '../http/api-error';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import type { ChatLinkDetailResponse, ChatLinkListResponse, ChatLinkResponse } from '../links/agent-link-wire';
import { AGENT_TOKEN_ROLE, mayManageLinks } from '../links/link-permission';
import { requestOrigin } from '../links/link-origin';
import { createChatLink, openChatLink, patchChatLink, requireLink, toAgentLink } from '../links/link-service';
import { chatLinkUrl } from '../links/link-url';
import { parseQrSize, qrPng, qrSvg } from '../links/qr-code';
import { parseEmptyRequest } from '../requests/empty-request';
import { requireApp } from './route-lookups';
import type { RouteHandler, RouteRequest } from './route-types';

/** Links need an owner or admin: the agent token stands for the owner until accounts with roles exist. */
function authenticateLinkManager({ context, request }: RouteRequest): void {
  authenticateAgent(context, request);
  if (!mayManageLinks(AGENT_TOKEN_ROLE)) throw new ApiError(403, 'unauthorized', 'Only an owner or admin manages links');
}

/** GET /api/links/{slug}/config?locale=xx (public) */
export const getLinkConfig: RouteHandler = ({ context, response, params, query }) => {
  const slug = params.slug ?? '';
  if (!LINK_SLUG_PATTERN.test(slug)) throw new ApiError(404, 'link_not_found', 'No such link');
  const body: ChatLinkConfigResponse = openChatLink(context, slug, matchLocaleCode(query.get('locale')));
  sendJson(response, 200, body);
};

/** GET /api/agent/apps/{appId}/links */
export const listLinks: RouteHandler = (route) => {
  authenticateLinkManager(route);
  const { context, request, response, params } = route;
  const app = requireApp(context, params.appId);
  const origin = requestOrigin(request);
  const body: ChatLinkListResponse = { links: context.links.list(app.appId).map((link) => toAgentLink(context, link, origin)) };
  sendJson(response, 200, body);
};

/** POST /api/agent/apps/{appId}/links → 201 */
export const createLink: RouteHandler = async (route) => {
  authenticateLinkManager(route);
  const { context, request, response, params } = route;
  const app = requireApp(context, params.appId);
  const link = createChatLink(context, app, (await readJsonBody(request)) ?? null);
  const body: ChatLinkResponse = { link: toAgentLink(context, link, requestOrigin(request)) };
  sendJson(response, 201, body);
};

/** GET /api/agent/apps/{appId}/links/{id} */
export const getLink: RouteHandler = (route) => {
  authenticateLinkManager(route);
  const { context, request, response, params } = route;
  const link = requireLink(context, requireApp(context, params.appId), params.linkId);
  const body: ChatLinkDetailResponse = { link: toAgentLink(context, link, requestOrigin(request)), engagement: context.links.days(link.id) };
  sendJson(response, 200, body);
};

/** PATCH /api/agent/apps/{appId}/links/{id} */
export const updateLink: RouteHandler = async (route) => {
  authenticateLinkManager(route);
  const { context, request, response, params } = route;
  const app = requireApp(context, params.appId);
  const link = requireLink(context, app, params.linkId);
  const next = patchChatLink(context, app, link, (await readJsonBody(request)) ?? {});
  const body: ChatLinkResponse = { link: toAgentLink(context, next, requestOrigin(request)) };
  sendJson(response, 200, body);
};

/** DELETE /api/agent/apps/{appId}/links/{id}: disables (the link and its counts stay; its address says "disabled"). */
export const disableLink: RouteHandler = async (route) => {
  authenticateLinkManager(route);
  const { context, request, response, params } = route;
  const app = requireApp(context, params.appId);
  const link = requireLink(context, app, params.linkId);
  parseEmptyRequest(await readJsonBody(request));
  const next = patchChatLink(context, app, link, { disabled: true });
  const body: ChatLinkResponse = { link: toAgentLink(context, next, requestOrigin(request)) };
  sendJson(response, 200, body);
};

/** GET .../links/{id}/qr.svg and .../qr.png?size= */
export const getLinkQr: RouteHandler = async (route) => {
  authenticateLinkManager(route);
  const { context, request, response, params, query } = route;
  const link = requireLink(context, requireApp(context, params.appId), params.linkId);
  const url = chatLinkUrl(requestOrigin(request), link.slug);
  const format = params.qrFile === 'qr.svg' ? 'svg' : params.qrFile === 'qr.png' ? 'png' : undefined;
  if (!format) throw new ApiError(404, 'not_found', 'No such resource');
  let payload: Buffer;
  if (format === 'svg') {
    payload = Buffer.from(await qrSvg(url), 'utf8');
  } else {
    const size = parseQrSize(query.get('size'));
    if (size === undefined) throw invalidRequest('size must be a whole number of pixels from 128 to 2048');
    payload = await qrPng(url, size);
  }
  response.statusCode = 200;
  response.setHeader('Content-Type', format === 'svg' ? 'image/svg+xml' : 'image/png');
  response.setHeader('Content-Length', payload.length);
  response.setHeader('Content-Disposition', `inline; filename="chat-link-${link.slug}.${format}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(payload);
};
