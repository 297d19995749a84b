import type { IncomingMessage } from 'node:http';
import { ApiError, invalidRequest } from './api-error';

export const MAX_JSON_BODY_BYTES = 16 * 1024;

const JSON_MEDIA_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a JSON body of at most MAX_JSON_BODY_BYTES. Returns undefined for an empty body (callers treat it as `{}`
 * where that is allowed). 413 when too large, 415 when not application/json, 400 when not UTF-8 JSON.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > MAX_JSON_BODY_BYTES) throw tooLarge();
  const bytes = await readBounded(request);
  if (bytes.length === 0) return undefined;
  if (!JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
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

function readBounded(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BODY_BYTES) {
        cleanup();
        request.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (!request.complete) onError(new Error('The client went away before the body was complete'));
    };
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

function tooLarge(): ApiError {
  // The rest of the body is never read, so the connection cannot be reused.
  return new ApiError(413, 'payload_too_large', `The body must be at most ${MAX_JSON_BODY_BYTES} bytes`, {
    Connection: 'close',
  });
}
