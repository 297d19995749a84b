import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import type { AppEnv } from './app-env';

const MAX_LENGTH = 64;
const ACCEPTED = /^[\w\-=]+$/;

/**
 * The request's id: the client's X-Request-Id when it is short and plain (as hono/request-id accepts it), else a new
 * UUID. It is set on Node's response directly: Hono's c.header() would build a web Headers object for every answer.
 */
export function assignRequestId(c: Context<AppEnv>): string {
  const given = c.env.incoming.headers['x-request-id'];
  const id = typeof given === 'string' && given.length <= MAX_LENGTH && ACCEPTED.test(given) ? given : randomUUID();
  c.set('requestId', id);
  c.env.outgoing.setHeader('X-Request-Id', id);
  return id;
}
