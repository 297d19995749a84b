import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type * as v from 'valibot';
import { parseRequest } from '../requests/parse-request';
import { ApiError, invalidRequest } from './api-error';
import type { AppEnv } from './app-env';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

const JSON_MEDIA_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const NO_BODY = new Uint8Array(0);

/**
 * Reads every API request's body, as `c.var.body`: 413 payload_too_large past MAX_JSON_BODY_BYTES, whether declared
 * (Content-Length, refused before reading) or streamed (chunked). It reads Node's request directly: the web Request
 * that @hono/node-server builds on demand (a web stream, an AbortSignal, undici's body handling) was a large share of
 * the CPU per message sent (bench:server profile).
 */
export const limitBody: MiddlewareHandler<AppEnv> = limitBodyTo(() => MAX_JSON_BODY_BYTES);

/** The same with another limit, for routes that take larger bodies (the public API's datasets). */
export function limitBodyTo(maxBytes: (c: Context<AppEnv>) => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('body', await readBody(c.env.incoming, maxBytes(c)));
    await next();
  };
}

async function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const { headers, method } = incoming;
  const chunked = headers['transfer-encoding'] !== undefined;
  // As the fetch API sees it: GET and HEAD requests have no body.
  if (method === 'GET' || method === 'HEAD' || (!chunked && Number(headers['content-length'] ?? 0) === 0)) return NO_BODY;
  if (!chunked && Number(headers['content-length']) > maxBytes) throw payloadTooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw payloadTooLarge(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw invalidRequest('The body was cut off');
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

function payloadTooLarge(maxBytes: number): ApiError {
  // The rest of the body is never read, so the connection cannot be reused.
  return new ApiError(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes`, { Connection: 'close' });
}

/**
 * Checks the JSON body (read by limitBody) against a valibot schema; the handler gets the output from
 * `c.req.valid('json')`. An empty body counts as `{}`; 415 when not application/json, 400 when not UTF-8 JSON or not
 * the schema's shape.
 */
export function jsonBody<S extends v.GenericSchema>(
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }> {
  return async (c, next) => {
    c.req.addValidatedData('json', parseRequest(schema, readJsonValue(c), 'body') as object);
    await next();
  };
}

/** The body read by limitBody as JSON (an empty body counts as `{}`); 415 when not application/json, 400 when not UTF-8 JSON. */
export function readJsonValue(c: Context<AppEnv>): unknown {
  const bytes = c.get('body') ?? NO_BODY;
  return bytes.length === 0 ? {} : decodeJson(bytes, c.req.header('content-type'));
}

function decodeJson(bytes: Uint8Array, contentType: string | undefined): unknown {
  if (!JSON_MEDIA_TYPE.test(contentType ?? '')) throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw invalidRequest('The body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest('The body is not valid JSON');
  }
}
