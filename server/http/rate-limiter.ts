interface Bucket {
  tokens: number;
  updatedAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** How often, at most, buckets that refilled completely are dropped. */
  pruneIntervalMs?: number;
  /** Beyond this many buckets the least recently used one is dropped on every new key. */
  maxBuckets?: number;
}

export const PRUNE_INTERVAL_MS = 60_000;
export const MAX_BUCKETS = 50_000;

/** A token bucket per client key: `perMinute` requests a minute, with bursts up to the same number. */
export class RateLimiter {
  // Insertion order is recency order: take() moves a key to the end, so the first key is the least recently used.
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private readonly pruneIntervalMs: number;
  private readonly maxBuckets: number;
  private lastPrunedAt: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    options: RateLimiterOptions = {},
  ) {
    this.refillPerMs = perMinute / 60_000;
    this.pruneIntervalMs = options.pruneIntervalMs ?? PRUNE_INTERVAL_MS;
    this.maxBuckets = options.maxBuckets ?? MAX_BUCKETS;
    this.lastPrunedAt = now();
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): RateDecision {
    const now = this.now();
    if (now - this.lastPrunedAt >= this.pruneIntervalMs) this.pruneFull(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000)) };
  }

  /** Buckets that have refilled completely carry no state worth keeping. */
  private pruneFull(now: number): void {
    this.lastPrunedAt = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
