import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './app-env';

/**
 * Cross-origin access to the visitor API (mount on /api/apps/*), for a page hosted on another origin (a CDN) whose
 * index.html points its api-base here. Only the configured origins, never credentials (tokens travel in headers).
 * Requests from other origins, and OPTIONS that are no preflight, pass on untouched (and meet 405).
 */
export function visitorApiCors(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const answer = cors({
    origin: [...allowedOrigins],
    allowMethods: ['GET', 'POST'],
    // One entry, so the header reads exactly as the contract documents it.
    allowHeaders: ['Authorization, Content-Type, Last-Event-ID'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    const isPreflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (!origin || !allowedOrigins.includes(origin) || (c.req.method === 'OPTIONS' && !isPreflight)) return next();
    return answer(c, next);
  };
}
