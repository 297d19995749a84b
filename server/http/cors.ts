import type { IncomingMessage, ServerResponse } from 'node:http';

const VISITOR_API = /^\/api\/apps\//;

/**
 * Cross-origin access to the visitor API, for a page hosted on another origin (a CDN) whose index.html points its
 * api-base here. Only the configured origins, never the agent API, never credentials (tokens travel in headers).
 * Returns true when it answered a preflight request itself.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin || !allowedOrigins.includes(origin) || !VISITOR_API.test(request.url ?? '')) return false;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Vary', 'Origin');
  response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  if (request.method !== 'OPTIONS' || !request.headers['access-control-request-method']) return false;
  response.statusCode = 204;
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Last-Event-ID');
  response.setHeader('Access-Control-Max-Age', '600');
  response.end();
  return true;
}
