export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const SEND_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 15_000 };

/**
 * "Full jitter": a random wait up to an exponentially growing cap, so many clients cut off together do not
 * come back together. attempt 0 is the first retry.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + (random() * cap) / 2);
}
