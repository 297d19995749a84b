import { randomBytes } from 'node:crypto';

// 24 random bytes (192 bits) as 32 base64url characters; only the SHA-256 hash is stored.
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export function newUnsubscribeToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The one-click unsubscribe address (List-Unsubscribe): GET shows a confirm page, POST unsubscribes. */
export function unsubscribeUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/u/${token}`;
}
