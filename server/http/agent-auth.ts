import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { callerOf } from './caller';

/**
 * Every agent route: `Authorization: Bearer <token>` of an enabled account or the server's own token (compared in
 * constant time), as `c.var.agent`, or 401.
 */
export const requireAgent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { agent } = await callerOf(c);
  if (!agent) throw new ApiError(401, 'unauthorized', 'A valid agent token is required', { 'WWW-Authenticate': 'Bearer' });
  c.set('agent', agent);
  await next();
};
