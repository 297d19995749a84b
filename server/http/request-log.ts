import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env';
import { loggablePath } from './loggable-path';

const MAX_LOGGED_PATH = 200;

/**
 * One line per request when its response ends: request id, method, path (never the query: links carry identity
<<<<<<< HEAD
 * there; never a deep link's code), status and duration. The id is also the X-Request-Id response header (hono's requestId). Nothing else from the request is logged: no headers (tokens), no bodies (message text).
=======
 * there), status and duration. The id is also the X-Request-Id response header (hono's requestId). Nothing else from the request is logged: no headers (tokens), no bodies (message text).
 * No child logger per request (pino builds one with its bindings each time): the rare error lines add reqId themselves.
>>>>>>> throughput2
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const { outgoing } = c.env;
    const reqId = c.var.requestId;
    c.set('log', logger);
    outgoing.once('close', () => {
      logger.info(
        {
          reqId,
          method: c.req.method,
          path: loggablePath(c.req.path).slice(0, MAX_LOGGED_PATH),
          status: outgoing.statusCode,
          ms: Math.round(performance.now() - started),
          ...(outgoing.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    await next();
  };
}
