import type { MiddlewareHandler } from 'hono';
import { mayWorkIn } from '../auth/agent-principal';
import type { AppEnv } from './app-env';
import { ApiError } from './api-error';
import { requireApp } from '../routes/route-lookups';

/**
 * Routes under `.../apps/:appId/...`: the hosted app, as `c.var.app`, or 404 app_not_found. After agent auth, an app
 * outside the agent's set answers exactly like one that does not exist.
 */
export const appScope: MiddlewareHandler<AppEnv> = async (c, next) => {
  const app = requireApp(c.get('context'), c.req.param('appId'));
  const agent = c.get('agent');
  if (agent && !mayWorkIn(agent, app.appId)) throw new ApiError(404, 'app_not_found', 'No such app');
  c.set('app', app);
  await next();
};
