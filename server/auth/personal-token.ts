import { randomBytes } from 'node:crypto';

const PREFIX = 'dca_';
const SHAPE = /^dca_[A-Za-z0-9_-]{43}$/;

/** An agent's personal token: `dca_` and 32 random bytes, base64url. Only its hash is stored. */
export function newPersonalToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function isPersonalToken(token: string): boolean {
  return SHAPE.test(token);
}
