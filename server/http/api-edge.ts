import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { callerOf } from './caller';
import { parseRequestTarget } from './request-target';
import { apiHeaders } from './security-headers';

const API_HEADERS = Object.entries(apiHeaders());

/** JSON and event streams: nothing to render, never cached. */
export const apiSecurityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  for (const [name, value] of API_HEADERS) c.header(name, value);
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
  const decision = c.var.context.rateLimiter.take((await callerOf(c)).limitKey);
  if (!decision.allowed) {
    throw new ApiError(429, 'rate_limited', 'Too many requests; slow down', { 'Retry-After': String(decision.retryAfterSeconds) });
  }
  await next();
};
