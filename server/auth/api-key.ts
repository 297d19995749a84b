import { randomBytes } from 'node:crypto';

const PREFIX = 'dck_';
const SHAPE = /^dck_[A-Za-z0-9_-]{43}$/;

/** An app's API key for the public API: `dck_` and 32 random bytes, base64url. Only its hash is stored. */
export function newApiKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function isApiKey(token: string | undefined): token is string {
  return token !== undefined && SHAPE.test(token);
}
