import type { Context } from 'hono';
import { SESSION_ID_PATTERN } from '../../src/api/limits';
import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import type { SessionRecord } from '../store/records';

export function requireApp(context: ApiContext, appId: string | undefined): HostedApp {
  const app = appId === undefined ? undefined : context.apps.get(appId);
  if (!app) throw new ApiError(404, 'app_not_found', 'No such app');
  return app;
}

/**
 * The path's session if the request's visitor (or its verified customer) owns it; "missing" and "not yours" answer
 * alike. Usually already read with the visitor (callerOf).
 */
export async function requireOwnedSession(c: Context<AppEnv>): Promise<SessionRecord> {
  const context = c.get('context');
  const visitor = c.get('visitor');
  const sessionId = c.req.param('sessionId');
  const caller = c.get('caller');
  if (caller?.visitor === visitor && caller.session !== undefined && caller.session.id === sessionId) return caller.session;
  const session =
    sessionId !== undefined && SESSION_ID_PATTERN.test(sessionId)
      ? await context.store.sessions.findOwned(visitor.appId, sessionId, { visitorId: visitor.id, customerId: visitor.customerId })
      : undefined;
  if (!session) throw sessionNotFound();
  return session;
}

export async function requireSessionInApp(context: ApiContext, app: HostedApp, sessionId: string | undefined): Promise<SessionRecord> {
  const session =
    sessionId !== undefined && SESSION_ID_PATTERN.test(sessionId)
      ? await context.store.sessions.findInApp(app.appId, sessionId)
      : undefined;
  if (!session) throw sessionNotFound();
  return session;
}

function sessionNotFound(): ApiError {
  return new ApiError(404, 'session_not_found', 'No such session');
}
