import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context';
import { ApiError } from './http/api-error';
import { clientKey } from './http/client-key';
import { applyCors } from './http/cors';
import { parseRequestTarget } from './http/request-target';
import type { Router } from './http/router';
import { applyHeaders, apiHeaders } from './http/security-headers';
import { sendApiError, sendJson } from './http/send-json';
import { createApiRouter } from './routes/api-routes';
import type { RouteHandler } from './routes/route-types';
import { StorageUnavailableError } from './store/storage-unavailable-error';

const STORAGE_RETRY_AFTER_SECONDS = 5;

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** Answers /api/*: rate limit, route, and map every failure to an error body (500 only for real bugs). */
export function createApiHandler(context: ApiContext): RequestListener {
  const router: Router<RouteHandler> = createApiRouter({ faultInjection: context.settings.faultInjection });
  return async (request, response) => {
    applyHeaders(response, apiHeaders());
    if (applyCors(request, response, context.settings.corsOrigins)) return;
    try {
      const target = parseRequestTarget(request.url);
      const decision = context.rateLimiter.take(clientKey(request.socket.remoteAddress));
      if (!decision.allowed) {
        throw new ApiError(429, 'rate_limited', 'Too many requests; slow down', {
          'Retry-After': String(decision.retryAfterSeconds),
        });
      }
      const match = router.match(request.method ?? 'GET', target.segments);
      if (match.kind === 'none') throw new ApiError(404, 'not_found', 'No such API endpoint');
      if (match.kind === 'wrong_method') {
        throw new ApiError(405, 'method_not_allowed', 'Method not allowed here', { Allow: match.allowed.join(', ') });
      }
      await match.handler({ context, request, response, params: match.params, query: target.query });
    } catch (error) {
      answerFailure(request, response, error);
    }
  };
}

export function answerFailure(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  const clientGone = response.destroyed || request.socket.destroyed;
  if (response.headersSent || clientGone) {
    if (!(error instanceof ApiError) && !clientGone) console.error('direct-chat: error after the response began', error);
    if (!response.writableEnded) response.destroy();
    return;
  }
  if (error instanceof ApiError) {
    sendApiError(response, error);
    return;
  }
  if (error instanceof StorageUnavailableError) {
    sendApiError(response, new ApiError(503, 'storage_unavailable', 'Storage is unavailable; try again shortly', {
      'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS),
    }));
    return;
  }
  console.error('direct-chat: unexpected error', request.method, request.url?.slice(0, 200), error);
  sendJson(response, 500, { error: { code: 'internal', message: 'Internal error' } });
}
