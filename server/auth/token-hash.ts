import { createHash } from 'node:crypto';

/**
 * The stored form of a random bearer token (visitor tokens, agents' personal tokens): SHA-256, hex. The tokens carry
 * 256 random bits, so a fast hash is enough; a lookup by hash reveals nothing about tokens that do not match.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
