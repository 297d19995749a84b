import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENERATED_SLUG_LENGTH, SLUG_ALPHABET, generateSlug, slugProblem } from '../../../server/links/slug';
import { RESERVED_SLUGS } from '../../../server/links/reserved-slugs';
import { linkStateAt } from '../../../server/links/link-state';
import { countsAsUse, participantKey, withinUseLimit } from '../../../server/links/participant';
import { LOCALE_CODES } from '../../../server/config/locale-codes';

describe('generated slugs', () => {
  it('are 8 characters with no look-alikes, and vary', () => {
    const slugs = new Set(Array.from({ length: 2000 }, () => generateSlug()));
    expect(slugs.size).toBe(2000);
    for (const slug of slugs) {
      expect(slug).toHaveLength(GENERATED_SLUG_LENGTH);
      expect(slug).not.toMatch(/[01ilo]/);
      expect(slugProblem(slug)).toBeUndefined();
    }
  });

  it('use every symbol of the alphabet, and only those', () => {
    const seen = new Set(Array.from({ length: 400 }, () => generateSlug()).join(''));
    expect([...seen].sort().join('')).toBe([...SLUG_ALPHABET].sort().join(''));
  });

  it('follow the random source exactly (no bias from modulo)', () => {
    expect(generateSlug(() => 0)).toBe('aaaaaaaa');
    expect(generateSlug((max) => max - 1)).toBe('99999999');
  });
});

describe('agent slugs', () => {
  it.each([
    ['abc', undefined],
    ['spring-sale-2026', undefined],
    ['a'.repeat(64), undefined],
    ['ab', 'too_short'],
    ['a'.repeat(65), 'too_long'],
    ['Spring', 'invalid_characters'],
    ['sale_2026', 'invalid_characters'],
    ['café', 'invalid_characters'],
    ['a b', 'invalid_characters'],
    ['../x', 'invalid_characters'],
    ['-abc', 'edge_hyphen'],
    ['abc-', 'edge_hyphen'],
    ['api', 'reserved'],
    ['console', 'reserved'],
    ['direct', 'reserved'],
    ['public', 'reserved'],
    ['assets', 'reserved'],
    ['zh-cn', 'reserved'],
    ['zh-tw', 'reserved'],
  ])('%s → %s', (slug, problem) => {
    expect(slugProblem(slug)).toBe(problem);
  });

  it('every locale code and route word is reserved', () => {
    for (const code of LOCALE_CODES) expect(RESERVED_SLUGS.has(code)).toBe(true);
    for (const word of ['api', 'direct', 'c', 'console', 'public', 'assets']) expect(RESERVED_SLUGS.has(word)).toBe(true);
  });

  it('anything accepted is URL-safe as it is', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (slug) => {
        if (slugProblem(slug) === undefined) expect(encodeURIComponent(slug)).toBe(slug);
      }),
    );
  });
});

describe('link state at a time', () => {
  const from = Date.parse('2026-12-01T09:00:00Z');
  const until = Date.parse('2026-12-31T23:00:00Z');
  const link = { disabled: false, activeFrom: from, expiresAt: until };

  it('follows the timeframe: from inclusive, expiry exclusive', () => {
    expect(linkStateAt(link, from - 1)).toBe('not_yet_active');
    expect(linkStateAt(link, from)).toBe('active');
    expect(linkStateAt(link, until - 1)).toBe('active');
    expect(linkStateAt(link, until)).toBe('expired');
  });

  it('open ends are open', () => {
    expect(linkStateAt({ disabled: false }, 0)).toBe('active');
    expect(linkStateAt({ disabled: false, activeFrom: from }, until * 2)).toBe('active');
    expect(linkStateAt({ disabled: false, expiresAt: until }, 0)).toBe('active');
  });

  it('disabled wins over any time', () => {
    for (const now of [from - 1, from, until]) expect(linkStateAt({ ...link, disabled: true }, now)).toBe('disabled');
  });
});

describe('per-participant limit', () => {
  it('a verified customer is one participant across devices; a guest is their visitor', () => {
    expect(participantKey({ id: 'v_1', customerId: '42' })).toBe('customer:42');
    expect(participantKey({ id: 'v_2', customerId: '42' })).toBe('customer:42');
    expect(participantKey({ id: 'v_1' })).toBe('visitor:v_1');
    expect(participantKey({ id: 'v_1', customerId: null })).not.toBe(participantKey({ id: 'v_2', customerId: null }));
  });

  it('counts only the first visitor message of a conversation started from a link', () => {
    expect(countsAsUse({ linkId: 'l_1' }, 0)).toBe(true);
    expect(countsAsUse({ linkId: 'l_1' }, 1)).toBe(false);
    expect(countsAsUse({ linkId: null }, 0)).toBe(false);
    expect(countsAsUse({}, 0)).toBe(false);
  });

  it('allows up to the limit, none past it; no limit allows any number', () => {
    expect(withinUseLimit(0, 1)).toBe(true);
    expect(withinUseLimit(1, 1)).toBe(false);
    expect(withinUseLimit(2, 3)).toBe(true);
    expect(withinUseLimit(10_000, undefined)).toBe(true);
  });
});
