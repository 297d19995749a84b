import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { requireApp } from '../routes/route-lookups';

/** Routes under `.../apps/:appId/...`: the hosted app, as `c.var.app`, or 404 app_not_found. */
export const appScope: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('app', requireApp(c.var.context, c.req.param('appId')));
  await next();
};
