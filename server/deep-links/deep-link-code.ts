import { randomBytes } from 'node:crypto';

// 24 random bytes: 192 bits, 32 base64url characters. Only the code's SHA-256 hash is stored.
const CODE_BYTES = 24;
export const DEEP_LINK_CODE_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newDeepLinkCode(): string {
  return randomBytes(CODE_BYTES).toString('base64url');
}

/** The page's address of a deep link: short, and nothing but the code in it. */
export function deepLinkUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/p/${code}`;
}
