import type { MiddlewareHandler } from 'hono';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import type { AppEnv } from './app-env';

/** Visitor routes of an app (after appScope): the visitor behind the bearer token, as `c.var.visitor`, or 401. */
export const requireVisitor: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('visitor', await authenticateVisitor(c.var.context, c.var.app.appId, c.env.incoming));
  await next();
};
