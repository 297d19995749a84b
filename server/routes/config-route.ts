import { Hono } from 'hono';
import { matchLocaleCode } from '../config/locale-codes';
import { publicAppConfig } from '../config/public-app-config';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { appScope } from '../http/app-scope';
import { json } from '../http/json-response';

/** Mounted at /api/apps/:appId. */
export const configRoutes = new Hono<AppEnv>()
  /** GET /config?locale=xx: an unknown locale falls back to the app's default, never an error. */
  .get('/config', appScope, (c) => {
    const { app } = c.var;
    if (!app.fullPage) throw new ApiError(404, 'fullpage_disabled', 'The full chat page is turned off for this app');
    return json(c, 200, publicAppConfig(app, matchLocaleCode(c.req.query('locale'))));
  });
