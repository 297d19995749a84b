import { randomBytes } from 'node:crypto';

const ID_BYTES = 16;
const POOL_BYTES = ID_BYTES * 256;
let pool = Buffer.alloc(0);
let used = 0;

/** An unguessable id such as `s_3q2-x...` (22 base64url characters after the prefix; fits SESSION_ID_PATTERN). */
export function newRandomId(prefix: 'v' | 's' | 'm' | 'a' | 'l' | 'k' | 'p' | 'i' | 'r'): string {
  // One getrandom call per 256 ids instead of one per id (as node's randomUUID does): each message takes an id.
  if (used === pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  used += ID_BYTES;
  return `${prefix}_${pool.toString('base64url', used - ID_BYTES, used)}`;
}
