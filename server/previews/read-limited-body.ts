import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchRefusal } from './fetch-refusal';

export interface LimitedBody {
  body: Buffer;
  /** True when the body was longer than the limit and only its first `maxBytes` were kept. */
  truncated: boolean;
}

/**
 * Reads at most `maxBytes` of the decoded body (so a small gzip of a huge page cannot blow up memory). Past the
 * limit it either keeps what it has and hangs up ('truncate', for HTML whose metadata is at the top) or refuses.
 */
export async function readLimitedBody(
  response: IncomingMessage,
  maxBytes: number,
  overflow: 'truncate' | 'refuse',
): Promise<LimitedBody> {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const declared = Number(response.headers['content-length']);
  if (overflow === 'refuse' && encoding === 'identity' && declared > maxBytes) {
    response.destroy();
    throw new FetchRefusal('too_large', `${declared} bytes declared`);
  }
  const decoded = decode(response, encoding);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded as AsyncIterable<Buffer>) {
      if (size + chunk.length > maxBytes) {
        if (overflow === 'refuse') throw new FetchRefusal('too_large', `over ${maxBytes} bytes`);
        chunks.push(chunk.subarray(0, maxBytes - size));
        return { body: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } catch (error) {
    if (error instanceof FetchRefusal) throw error;
    throw new FetchRefusal('network', (error as Error).message);
  } finally {
    response.destroy();
    if (decoded !== response) decoded.destroy();
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

function decode(response: IncomingMessage, encoding: string): Readable {
  switch (encoding) {
    case 'identity':
      return response;
    case 'gzip':
    case 'x-gzip':
      return inflated(response, createGunzip());
    case 'deflate':
      return inflated(response, createInflate());
    case 'br':
      return inflated(response, createBrotliDecompress());
    default:
      response.destroy();
      throw new FetchRefusal('content_encoding', encoding);
  }
}

// pipeline, not pipe: a connection that fails or is aborted mid-body must fail the decoder too, or the read hangs.
function inflated(response: IncomingMessage, decoder: Readable & NodeJS.WritableStream): Readable {
  return pipeline(response, decoder, () => {});
}
