import type { MiddlewareHandler } from 'hono';
import { agentTokenMatches } from '../auth/agent-token';
import { readBearerToken } from '../auth/bearer-token';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';

/** Every agent route: `Authorization: Bearer <agent token>`, compared in constant time, or 401. */
export const requireAgent: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!agentTokenMatches(c.var.context.agentToken, readBearerToken(c.env.incoming))) {
    throw new ApiError(401, 'unauthorized', 'A valid agent token is required', { 'WWW-Authenticate': 'Bearer' });
  }
  await next();
};
