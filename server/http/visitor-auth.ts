import type { MiddlewareHandler } from 'hono';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import type { AppEnv } from './app-env';
import { callerOf } from './caller';

/** Visitor routes of an app (after appScope): the visitor behind the bearer token, as `c.var.visitor`, or 401. */
export const requireVisitor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { visitor } = await callerOf(c);
  const { appId } = c.get('app');
  c.set('visitor', visitor?.appId === appId ? visitor : await authenticateVisitor(c.get('context'), appId, c.env.incoming));
  await next();
};
