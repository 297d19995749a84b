import { Hono } from 'hono';
import { hashToken } from '../auth/token-hash';
import { DEEP_LINK_CODE_PATTERN } from '../deep-links/deep-link-code';
import { deepLinkLimits } from '../deep-links/deep-link-limits';
import { generateDeepLinks } from '../deep-links/generate-deep-links';
import { requireApiKey } from '../http/api-key-auth';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { limitBodyTo, readJsonValue } from '../http/read-json-body';
import { requestOrigin } from '../http/request-origin';
import { parseGenerateRequest } from '../requests/deep-link-request';
import { idempotencyClaim } from '../requests/idempotency-key';

/** A dataset of the configured maximum fits; anything larger is 413 payload_too_large, unread. */
const deepLinkBodyLimit = limitBodyTo((c) => deepLinkLimits(c.var.context.settings).maxBodyBytes);

/** Mounted at /public/api: the integrators' API, called with an app's API key. */
export const publicApiRoutes = new Hono<AppEnv>()
  /** POST /generate-webchat-deep-link → 201 [{user_id, url, expires_at}] in the order of the dataset. */
  .post('/generate-webchat-deep-link', requireApiKey, deepLinkBodyLimit, async (c) => {
    const { context, apiKey } = c.var;
    const body = readJsonValue(c);
    const request = parseGenerateRequest(body, deepLinkLimits(context.settings));
    const idempotency = idempotencyClaim(c.req.header('idempotency-key'), body);
    const { links, replayed } = await generateDeepLinks(context, apiKey, request, requestOrigin(c), idempotency);
    return json(c, 201, links, replayed ? { 'Idempotent-Replayed': 'true' } : {});
  })
  /** DELETE /deep-links/{code} → 204; the link then opens its "no longer valid" screen. */
  .delete('/deep-links/:code', requireApiKey, async (c) => {
    const { context, apiKey } = c.var;
    const code = c.req.param('code');
    const revoked = DEEP_LINK_CODE_PATTERN.test(code) && (await context.store.deepLinks.revoke(apiKey.appId, hashToken(code), context.clock.now()));
    if (!revoked) throw new ApiError(404, 'deep_link_not_found', 'No deep link with this code in this API key\'s app');
    return c.body(null, 204);
  });
