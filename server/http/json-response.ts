import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from './api-error';

/** A JSON answer as the contract spells it (`application/json; charset=utf-8`). */
export function json(c: Context, status: ContentfulStatusCode, body: unknown, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
}

/** The contract's error envelope: `{"error": {"code", "message", "details"?}}`, with the error's own headers (Retry-After, Allow...). */
export function errorJson(c: Context, error: ApiError): Response {
  const body = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  return json(c, error.status as ContentfulStatusCode, { error: body }, { ...error.headers });
}
