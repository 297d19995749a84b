import { Hono } from 'hono';
import { readBearerToken } from '../auth/bearer-token';
import type { AppEnv } from '../http/app-env';
import { appScope } from '../http/app-scope';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { visitorRequestSchema } from '../requests/visitor-request';
import { resolveVisitor } from '../visitors/resolve-visitor';

/** Mounted at /api/apps/:appId. */
export const visitorRoutes = new Hono<AppEnv>()
  /** POST /visitors: an absent or unknown token starts a guest; it is never a 401 here. */
  .post('/visitors', appScope, jsonBody(visitorRequestSchema), async (c) => {
    const { context, app } = c.var;
    const { status, body } = await resolveVisitor(context, app, readBearerToken(c.env.incoming), c.req.valid('json'));
    return json(c, status, body);
  });
