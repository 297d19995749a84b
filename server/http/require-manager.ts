import type { MiddlewareHandler } from 'hono';
import { mayManageAccounts } from '../agents/account-rules';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';

/** After agent auth: owners and admins only (they manage accounts and chat links); everyone else 403 forbidden. */
export const requireManager: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!mayManageAccounts(c.var.agent)) throw new ApiError(403, 'forbidden', 'Only owners and admins may do this');
  await next();
};
