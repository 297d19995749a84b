import { Hono, type MiddlewareHandler } from 'hono';
import type { ApiKeyCreatedResponse, ApiKeyListResponse } from '../agent-wire';
import { mayManageAccounts } from '../agents/account-rules';
import { issueApiKey } from '../deep-links/issue-api-key';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { agentOfApp } from '../http/route-guards';
import { apiKeyCreateSchema } from '../requests/api-key-request';

/** Owners and admins of the app only; agents 403 forbidden. */
const requireKeyManager: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!mayManageAccounts(c.var.agent)) throw new ApiError(403, 'forbidden', 'Only owners and admins manage API keys');
  await next();
};

/** Mounted at /api/agent: an app's API keys for the public API. A key is shown once, when created; only its hash is kept. */
export const apiKeyRoutes = new Hono<AppEnv>()
  .get('/apps/:appId/api-keys', agentOfApp, requireKeyManager, async (c) => {
    const body: ApiKeyListResponse = { apiKeys: await c.var.context.store.apiKeys.list(c.var.app.appId) };
    return json(c, 200, body);
  })
  .post('/apps/:appId/api-keys', agentOfApp, requireKeyManager, jsonBody(apiKeyCreateSchema), async (c) => {
    const { context, app } = c.var;
    const body: ApiKeyCreatedResponse = await issueApiKey(context.store.apiKeys, app.appId, c.req.valid('json').name, context.clock.now());
    return json(c, 201, body);
  })
  /** DELETE → 200 with the revoked key; requests with it answer 401 at once. */
  .delete('/apps/:appId/api-keys/:keyId', agentOfApp, requireKeyManager, async (c) => {
    const { context, app } = c.var;
    const apiKey = await context.store.apiKeys.revoke(app.appId, c.req.param('keyId'), context.clock.now());
    if (!apiKey) throw new ApiError(404, 'api_key_not_found', 'No such API key in this app');
    return json(c, 200, { apiKey });
  });
