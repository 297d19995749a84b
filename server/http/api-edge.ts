import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { callerOf } from './caller';
import { parseRequestTarget } from './request-target';
import { apiHeaders, applyHeaders } from './security-headers';

const API_HEADERS = Object.freeze(apiHeaders());

/**
 * JSON and event streams: nothing to render, never cached. Set on Node's response, which merges them with the
 * answer's own (those win, e.g. a cacheable image's Cache-Control): through c.header() every answer would build a web
 * Headers object, and @hono/node-server would copy it back into a record.
 */
export const apiSecurityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  applyHeaders(c.env.outgoing, API_HEADERS);
  await next();
};

/** 400 for a target that is not a plain path (`http://host/...`, bad %-escapes, over 8 KiB). */
export const plainRequestTarget: MiddlewareHandler<AppEnv> = async (c, next) => {
  parseRequestTarget(c.env.incoming.url);
  await next();
};

/**
 * Every API call counts against a token bucket, including ones that fail for another reason: an agent's own, a
 * visitor token's own, and only requests without a valid token against their address's.
 */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const decision = c.get('context').rateLimiter.take((await callerOf(c)).limitKey);
  if (!decision.allowed) {
    throw new ApiError(429, 'rate_limited', 'Too many requests; slow down', { 'Retry-After': String(decision.retryAfterSeconds) });
  }
  await next();
};
