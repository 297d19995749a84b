import { createHash, randomBytes } from 'node:crypto';
import type { SampleSize } from './invitation-wire';

/** A new seed for an invitation's sample: 16 random bytes as base64url. */
export function newSampleSeed(): string {
  return randomBytes(16).toString('base64url');
}

/** How many of `total` a sample takes: a count (at most all), or a percentage rounded to the nearest person. */
export function sampleSizeOf(size: SampleSize, total: number): number {
  if ('count' in size) return Math.min(size.count, total);
  return Math.min(total, Math.round((total * size.percent) / 100));
}

/**
 * A reproducible random sample: each item ranks by SHA-256 of the seed and its key, the first ones are taken. The
 * same seed and the same audience always give the same people, in any input order; a participant added later takes
 * its own place in the ranking without reshuffling the others.
 */
export function seededSample<T>(items: readonly T[], keyOf: (item: T) => string, seed: string, size: SampleSize): T[] {
  const ranked = items.map((item) => ({ item, rank: createHash('sha256').update(`${seed}\u0000${keyOf(item)}`).digest('hex') }));
  ranked.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.slice(0, sampleSizeOf(size, items.length)).map((entry) => entry.item);
}
