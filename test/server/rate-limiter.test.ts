import { describe, expect, it } from 'vitest';
import { clientKey } from '../../server/http/client-key';
import { MAX_BUCKETS, PRUNE_INTERVAL_MS, RateLimiter } from '../../server/http/rate-limiter';

describe('RateLimiter', () => {
  it('refills continuously at perMinute per minute, up to perMinute', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now += 3_600_000;
    for (let i = 0; i < 60; i++) expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('tells a slow budget how long to wait', () => {
    const limiter = new RateLimiter(2, () => 0);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('drops refilled buckets at most once per interval, not on every request', () => {
    let now = 0;
    const limiter = new RateLimiter(600, () => now);
    for (let i = 0; i < 10_001; i++) limiter.take(`k${i}`);
    now = 1000; // every bucket has refilled (one token takes 100 ms), but the interval has not passed
    limiter.take('x');
    expect(limiter.size).toBe(10_002);
    now = PRUNE_INTERVAL_MS;
    limiter.take('y');
    expect(limiter.size).toBe(1);
  });

  it(`holds at most ${MAX_BUCKETS} buckets however many clients are active`, () => {
    const limiter = new RateLimiter(600, () => 0);
    for (let i = 0; i < MAX_BUCKETS + 10_000; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBe(MAX_BUCKETS);
  });

  it('evicts the least recently used bucket first', () => {
    const limiter = new RateLimiter(1, () => 0, { maxBuckets: 3 });
    for (const key of ['a', 'b', 'c']) expect(limiter.take(key).allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false); // a is the most recent now
    expect(limiter.take('d').allowed).toBe(true); // evicts b
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true); // forgotten, so a fresh bucket
  });
});

describe('clientKey', () => {
  it('counts an IPv6 client by its /64 network', () => {
    const key = clientKey('2001:db8:1:2:3:4:5:6');
    expect(key).toBe('2001:db8:1:2::/64');
    for (const sameNetwork of ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::', '2001:DB8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::1.2.3.4']) {
      expect(clientKey(sameNetwork)).toBe(key);
    }
    expect(clientKey('2001:db8:1:3::1')).not.toBe(key);
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('counts an IPv4 client by its address, also when it arrives IPv4-mapped', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.8')).not.toBe(clientKey('203.0.113.7'));
    expect(clientKey(undefined)).toBe('unknown');
  });
});
