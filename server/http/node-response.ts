import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { AppEnv } from './app-env';

const ALREADY_SENT_HEADERS = RESPONSE_ALREADY_SENT.headers;
// Set on Node's response by alreadySent(): the handler wrote it (or gave it up) itself.
const WRITTEN_BY_HANDLER = Symbol('written by the handler');

type Outgoing = HttpBindings['outgoing'] & { [WRITTEN_BY_HANDLER]?: true };

/**
 * For handlers that write to Node's response themselves (event streams with their backpressure cut-off, static
 * files): the headers middleware prepared (request id, CORS, security headers) are moved onto it first.
 */
export function takeNodeResponse(c: Context<AppEnv>): AppEnv['Bindings'] {
  const { outgoing } = c.env;
  c.res.headers.forEach((value, name) => {
    if (name !== 'content-type') outgoing.setHeader(name, value);
  });
  return c.env;
}

/** What such a handler returns: node-server then sends nothing more. */
export function alreadySent(c: Context<AppEnv>): Response {
  const outgoing: Outgoing | undefined = c.env?.outgoing;
  if (outgoing) outgoing[WRITTEN_BY_HANDLER] = true;
  return new Response(null, { headers: ALREADY_SENT_HEADERS });
}

type Fetch<E> = (request: Request, env: E) => Response | Promise<Response>;

/**
 * node-server replaces the global Response with a lighter one, and for that one it skips its "already sent" check,
 * so Hono's copy of alreadySent() (made when middleware had touched c.res) would be sent again. This hands node-server
 * a native Response for those. (It asks Node's response, not the Response's headers: reading those would make
 * node-server build a Headers object for every answer.)
 */
export function honourAlreadySent<E extends { outgoing: object }>(fetch: Fetch<E>): Fetch<E> {
  return async (request, env) => {
    const response = await fetch(request, env);
    return (env.outgoing as Outgoing)[WRITTEN_BY_HANDLER] ? new (nativeResponseClass())(null, { headers: ALREADY_SENT_HEADERS }) : response;
  };
}

// The lighter Response inherits from the native one, whose own prototype is Function.prototype.
function nativeResponseClass(): typeof Response {
  let candidate: typeof Response = globalThis.Response;
  while (Object.getPrototypeOf(candidate) !== Function.prototype) candidate = Object.getPrototypeOf(candidate);
  return candidate;
}
