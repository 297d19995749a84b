import { randomBytes } from 'node:crypto';
import { hashToken } from './token-hash';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh visitor token: 32 random bytes, base64url. Only its hash is stored. */
export function newVisitorToken(): string {
  return randomBytes(32).toString('base64url');
}

export const hashVisitorToken = hashToken;

/** A token of the shape this server issues, or undefined (then it cannot match any visitor). */
export function wellFormedVisitorToken(token: string | undefined): string | undefined {
  return token !== undefined && TOKEN_SHAPE.test(token) ? token : undefined;
}
