import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env';
import { loggablePath } from './loggable-path';
import { assignRequestId } from './request-id';

const MAX_LOGGED_PATH = 200;

/**
 * One line per request when its response ends: request id, method, path (never the query: links carry identity
 * there; never a deep link's code), status and duration. The id is also the X-Request-Id response header. Nothing
 * else from the request is logged: no headers (tokens), no bodies (message text). No child logger per request (pino
 * builds one with its bindings each time): the rare error lines add reqId themselves.
 */
export function requestLog(logger: Logger): (c: Context<AppEnv>) => void {
  // The line is built from those fields alone, so it skips the redaction pass every other line gets (a wildcard
  // walk of each object logged, a third of pino's cost per request).
  const requestLines = logger.child({}, { redact: [] });
  return (c) => {
    const started = performance.now();
    const { outgoing } = c.env;
    const reqId = assignRequestId(c);
    c.set('log', logger);
    outgoing.once('close', () => {
      requestLines.info(
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
  };
}
