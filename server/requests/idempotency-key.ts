import { createHash } from 'node:crypto';
import { invalidRequest } from '../http/api-error';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header (1 to 255 visible ASCII characters) with the hash of the body it came with. */
export function idempotencyClaim(header: string | undefined, body: unknown): { key: string; bodyHash: string } | undefined {
  if (header === undefined) return undefined;
  if (!KEY_SHAPE.test(header)) throw invalidRequest('Idempotency-Key must be 1 to 255 visible ASCII characters');
  return { key: header, bodyHash: createHash('sha256').update(JSON.stringify(body)).digest('hex') };
}
