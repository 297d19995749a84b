import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { StorageUnavailableError } from '../store/storage-unavailable-error';
import { alreadySent } from './node-response';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { errorJson } from './json-response';

// Seconds a client should wait before retrying a write the storage could not take.
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/** Maps every failure to the contract's error envelope; 500 only for real bugs, which are logged with their stack. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  const outgoing = c.env?.outgoing;
  if (outgoing && (outgoing.headersSent || outgoing.destroyed)) {
    // Too late for an error body: drop the connection so the client sees a failure, not a truncated success.
    if (!(error instanceof ApiError) && !outgoing.destroyed) c.get('log')?.error({ reqId: c.get('requestId'), err: error }, 'error after the response began');
    if (!outgoing.writableEnded) outgoing.destroy();
    return alreadySent(c);
  }
  return errorJson(c, toApiError(error, c));
}

function toApiError(error: Error, c: Context<AppEnv>): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StorageUnavailableError) {
    c.get('log')?.warn({ reqId: c.get('requestId'), err: error }, 'storage unavailable');
    return new ApiError(503, 'storage_unavailable', 'Storage is unavailable; try again shortly', {
      'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS),
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new ApiError(error.status, 'invalid_request', error.message || 'Bad request');
  }
  c.get('log')?.error({ reqId: c.get('requestId'), err: error }, 'unexpected error');
  return new ApiError(500, 'internal', 'Internal error');
}
