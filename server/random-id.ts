import { randomBytes } from 'node:crypto';

/** An unguessable id such as `s_3q2-x...` (22 base64url characters after the prefix; fits SESSION_ID_PATTERN). */
export function newRandomId(prefix: 'v' | 's' | 'm' | 'a' | 'l' | 'k'): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}
