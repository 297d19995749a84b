import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as v from 'valibot';
import { parseRequest } from '../requests/parse-request';
import { ApiError, invalidRequest } from './api-error';
import type { AppEnv } from './app-env';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

const JSON_MEDIA_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 413 payload_too_large past MAX_JSON_BODY_BYTES, whether declared (Content-Length) or streamed (chunked). */
export const limitBody = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    // The rest of the body is never read, so the connection cannot be reused.
    throw new ApiError(413, 'payload_too_large', `The body must be at most ${MAX_JSON_BODY_BYTES} bytes`, {
      Connection: 'close',
    });
  },
});

/**
 * Reads the JSON body and checks it against a valibot schema; the handler gets the output from `c.req.valid('json')`.
 * An empty body counts as `{}`; 415 when not application/json, 400 when not UTF-8 JSON or not the schema's shape.
 */
export function jsonBody<S extends v.GenericSchema>(
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { json: v.InferInput<S> }; out: { json: v.InferOutput<S> } }> {
  return async (c, next) => {
    c.req.addValidatedData('json', parseRequest(schema, await readJsonValue(c), 'body') as object);
    await next();
  };
}

/** The body as JSON (an empty body counts as `{}`); 415 when not application/json, 400 when not UTF-8 JSON. */
export async function readJsonValue(c: Context): Promise<unknown> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
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
