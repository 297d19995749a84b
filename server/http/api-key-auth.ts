import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ApiContext } from '../api-context';
import { isApiKey } from '../auth/api-key';
import { readBearerToken } from '../auth/bearer-token';
import { hashToken } from '../auth/token-hash';
import type { ApiKeyRecord } from '../store/records';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { callerOf } from './caller';

/**
 * The public API: `Authorization: Bearer <API key>` of a key that is not revoked, as `c.var.apiKey`, or 401 with
 * WWW-Authenticate. Requests count against the key's own bucket (429 with Retry-After past it); requests without a
 * valid key against their address's, like every other request without a credential.
 */
export const requireApiKey: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { context } = c.var;
  const key = await findApiKey(context, readBearerToken(c.env.incoming));
  const limiter = key ? context.deepLinkRequests : context.rateLimiter;
  const decision = limiter.take(key ? `api-key:${key.id}` : (await callerOf(c)).limitKey);
  if (!decision.allowed) {
    throw new ApiError(429, 'rate_limited', 'Too many requests; slow down', { 'Retry-After': String(decision.retryAfterSeconds) });
  }
  if (!key) throw new ApiError(401, 'unauthorized', 'A valid API key is required', { 'WWW-Authenticate': 'Bearer realm="direct-chat"' });
  c.set('apiKey', key);
  await next();
};

async function findApiKey(context: ApiContext, token: string | undefined): Promise<ApiKeyRecord | undefined> {
  if (!isApiKey(token)) return undefined;
  const hash = hashToken(token);
  const found = await context.store.apiKeys.findByHash(hash);
  // The lookup is by hash; comparing the hashes again in constant time costs nothing and leaves no timing signal.
  if (!found || !timingSafeEqual(Buffer.from(found.keyHash), Buffer.from(hash))) return undefined;
  return found.key.revokedAt === null ? found.key : undefined;
}
