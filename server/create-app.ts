import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { Logger } from 'pino';
import type { ApiContext } from './api-context';
import { alreadySent, takeNodeResponse } from './http/node-response';
import { apiSecurityHeaders, plainRequestTarget, rateLimit } from './http/api-edge';
import { ApiError } from './http/api-error';
import type { AppEnv } from './http/app-env';
import { visitorApiCors } from './http/cors';
import { handleError } from './http/error-handler';
import { errorJson } from './http/json-response';
import { limitBody } from './http/read-json-body';
import { requestLog } from './http/request-log';
import { linkPageHints } from './links/chat-links';
import { mountApiRoutes } from './routes/api-routes';
import { LARGE_BODY_PATH } from './routes/participant-routes';
import { createStaticSite } from './static/static-site';

/**
 * The whole server as one Hono app: /api/* to the route modules, everything else to the built page and console.
 * `npm start` serves it with @hono/node-server, `npm run dev` mounts the same app in Vite for /api/*.
 */
export function createApp(context: ApiContext, logger: Logger): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  const logRequest = requestLog(logger);
  app.use(async (c, next) => {
    logRequest(c);
    c.set('context', context);
    await next();
  });

  app.use('/api/*', apiSecurityHeaders);
  app.use('/api/apps/*', visitorApiCors(context.settings.corsOrigins));
  app.use('/api/links/*', visitorApiCors(context.settings.corsOrigins));
  // Participant imports take larger bodies: their routes read them after checking the caller.
  app.use('/api/*', plainRequestTarget, rateLimit, (c, next) => (LARGE_BODY_PATH.test(c.req.path) ? next() : limitBody(c, next)));
  // The integrators' API: its routes count requests per API key and take larger bodies (public-api-routes.ts).
  app.use('/public/api/*', apiSecurityHeaders, plainRequestTarget);
  const answerMethodNotAllowed = methodNotAllowed({
    app,
    onMethodNotAllowed: (c, methods) =>
      errorJson(c, new ApiError(405, 'method_not_allowed', 'Method not allowed here', { Allow: methods.join(', ') })),
  });
  app.use('/api/*', answerMethodNotAllowed);
  app.use('/public/api/*', answerMethodNotAllowed);
  mountApiRoutes(app, { faultInjection: context.settings.faultInjection });
  for (const area of ['/api/*', '/public/api/*']) app.all(area, (c) => errorJson(c, new ApiError(404, 'not_found', 'No such API endpoint')));

  const site = createStaticSite({
    distDir: context.settings.distDir,
    apps: context.apps,
    linkPage: (slug) => linkPageHints(context, slug),
    onFirstScreenError: (error, appId) => logger.warn({ err: error, appId }, 'first screen not rendered: the plain page is served'),
  });
  app.all('*', async (c) => {
    const { incoming, outgoing } = takeNodeResponse(c);
    await site(incoming, outgoing);
    return alreadySent(c);
  });
  return app;
}
