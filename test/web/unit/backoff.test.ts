import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECONNECT_BACKOFF, SEND_BACKOFF, backoffDelay, type BackoffPolicy } from '../../../src/chat/backoff';

const cap = (attempt: number, policy: BackoffPolicy) => Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
const JUST_UNDER_ONE = 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('waits between half the cap and the cap: 250–500 ms for the first retry', () => {
    expect(backoffDelay(0, SEND_BACKOFF, () => 0)).toBe(250);
    expect(backoffDelay(0, SEND_BACKOFF, () => 0.5)).toBe(375);
    expect(backoffDelay(0, SEND_BACKOFF, () => JUST_UNDER_ONE)).toBe(500);
  });

  it('doubles the cap with each attempt until the maximum', () => {
    const lowest = [0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, SEND_BACKOFF, () => 0));
    expect(lowest).toEqual([250, 500, 1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it('never waits longer than the maximum, even after very many attempts', () => {
    for (const policy of [SEND_BACKOFF, RECONNECT_BACKOFF]) {
      for (const attempt of [10, 31, 100, 10_000, Number.MAX_SAFE_INTEGER]) {
        const delay = backoffDelay(attempt, policy, () => JUST_UNDER_ONE);
        expect(delay).toBeLessThanOrEqual(policy.maxMs);
        expect(delay).toBeGreaterThanOrEqual(policy.maxMs / 2);
        expect(Number.isFinite(delay)).toBe(true);
      }
    }
  });

  it('is the same for the same random number, and spreads clients apart for different ones', () => {
    expect(backoffDelay(3, RECONNECT_BACKOFF, () => 0.3)).toBe(backoffDelay(3, RECONNECT_BACKOFF, () => 0.3));
    expect(backoffDelay(3, RECONNECT_BACKOFF, () => 0.1)).not.toBe(backoffDelay(3, RECONNECT_BACKOFF, () => 0.9));
  });

  it('uses Math.random by default and stays within bounds', () => {
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(2, SEND_BACKOFF);
      expect(delay).toBeGreaterThanOrEqual(1000);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('stays within [cap/2, cap], a whole number of ms, and never shrinks as attempts grow (property)', () => {
    const policy = fc
      .record({ baseMs: fc.integer({ min: 1, max: 5_000 }), maxMs: fc.integer({ min: 1, max: 600_000 }) })
      .filter(({ baseMs, maxMs }) => baseMs <= maxMs);
    const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(policy, fc.integer({ min: 0, max: 200 }), random, (p, attempt, r) => {
        const delay = backoffDelay(attempt, p, () => r);
        const limit = cap(Math.min(attempt, 30), p);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeLessThanOrEqual(p.maxMs);
        expect(delay).toBeLessThanOrEqual(Math.ceil(limit));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(limit / 2));
        expect(backoffDelay(attempt + 1, p, () => r)).toBeGreaterThanOrEqual(delay);
      }),
      { numRuns: 500 },
    );
  });
});
