import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTITY_KEYS, parseDirectLink } from '../../../src/link/direct-link';
import { IDENTITY_LIMITS, MAX_VARS,
  MAX_VARS_BYTES, MAX_VAR_VALUE_LENGTH, VAR_KEY_PATTERN } from '../../../src/api/limits';
import { CONTROL_OR_BIDI } from './support/text-checks';
import { SERVER_MAX_JSON_BODY_BYTES, expectLinkContract, visitorBody } from './support/link-invariants';

const stripAndBound = (text: string) =>
  Array.from(text.replace(new RegExp(CONTROL_OR_BIDI, 'g'), ''))
    .slice(0, MAX_VAR_VALUE_LENGTH)
    .join('');
const CONTRACT_KEYS = ['direct', 'chatid', 'chat_id', 'lang', ...IDENTITY_KEYS];

const key = fc.oneof(
  fc.constantFrom(...CONTRACT_KEYS, '__proto__', 'constructor', 'prototype', 'utm_source'),
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,70}$/),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const value = fc.oneof(
  fc.constantFrom('1', '', ' 1', 'abc', '0123456789abcdef0123456789abcdef', 'abcdefghijklmnop'),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('%', '0', 'E', 'F', 'A', '+', '&', '=', '#', '?', '\r', '\n'), maxLength: 40 }),
);
const pairs = fc.array(fc.tuple(key, value), { maxLength: 40 });

// Three ways a query reaches the page: properly encoded, pasted raw, or anything at all.
const search = fc.oneof(
  pairs.map((list) => `?${new URLSearchParams(list)}`),
  pairs.map((list) => `?${list.map(([k, v]) => `${k}=${v}`).join('&')}`),
  fc.string({ unit: 'binary', maxLength: 500 }),
);

describe('parseDirectLink properties', () => {
  it('never throws and always keeps the link contract', () => {
    fc.assert(
      fc.property(search, (query) => {
        expectLinkContract(query, parseDirectLink(query));
      }),
      { numRuns: 500 },
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('forwards exactly the first MAX_VARS distinct valid non-contract keys, with their first values', () => {
    fc.assert(
      fc.property(pairs, (list) => {
        const link = parseDirectLink(`?${new URLSearchParams(list)}`);
        const expected: string[] = [];
        for (const [k] of new URLSearchParams(list)) {
          if (!CONTRACT_KEYS.includes(k) && VAR_KEY_PATTERN.test(k) && !expected.includes(k)) expected.push(k);
        }
        // Integer-like keys ("0") come first in any JS object: the set is the contract, not the order.
        expect(Object.keys(link.vars).sort()).toEqual(expected.slice(0, MAX_VARS).sort());
        for (const k of expected.slice(0, MAX_VARS)) {
          expect(link.vars[k]).toBe(stripAndBound(new URLSearchParams(list).get(k) ?? ''));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('sends a complete identity whenever the three signed fields are present, non-empty and within bounds', () => {
    const field = (max: number) => fc.string({ unit: 'binary', minLength: 1, maxLength: max });
    fc.assert(
      fc.property(
        field(IDENTITY_LIMITS.sbs),
        field(IDENTITY_LIMITS.sbs_mm),
        field(IDENTITY_LIMITS.ranstr),
        (sbs, sbs_mm, ranstr) => {
          // The link carries what URLSearchParams can carry: well-formed text.
          const link = parseDirectLink(`?${new URLSearchParams({ sbs, sbs_mm, ranstr })}`);
          const sent = new URLSearchParams(new URLSearchParams({ sbs, sbs_mm, ranstr }).toString());
          const fits = ['sbs', 'sbs_mm', 'ranstr'].every(
            (k) => (sent.get(k) ?? '').length <= IDENTITY_LIMITS[k as 'sbs' | 'sbs_mm' | 'ranstr'],
          );
          expect(link.identity !== undefined).toBe(fits);
          expect(link.identityMalformed).toBe(!fits);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the /visitors body built from any link', () => {
  it(`fits in the ${SERVER_MAX_JSON_BODY_BYTES} bytes the server reads, even at every bound at once`, () => {
    // The largest link the parser lets through: every var and claim at its limit in 4-byte UTF-8 characters.
    const wide = (n: number) => '😀'.repeat(n);
    const params = new URLSearchParams({
      sbs: 'x'.repeat(IDENTITY_LIMITS.sbs),
      sbs_mm: 'f'.repeat(IDENTITY_LIMITS.sbs_mm),
      ranstr: 'a'.repeat(IDENTITY_LIMITS.ranstr),
      name: wide(IDENTITY_LIMITS.name),
      nickname: wide(IDENTITY_LIMITS.nickname),
      email: wide(IDENTITY_LIMITS.email),
      phone: wide(IDENTITY_LIMITS.phone),
    });
    for (let i = 0; i < MAX_VARS; i++) params.append(`${'k'.repeat(60)}${String(i).padStart(4, '0')}`, wide(MAX_VAR_VALUE_LENGTH));
    const link = parseDirectLink(`?${params}`);
    const varsBytes = Object.entries(link.vars).reduce((sum, [k, v]) => sum + new TextEncoder().encode(k + v).length, 0);
    expect(Object.keys(link.vars).length).toBeGreaterThan(0);
    expect(varsBytes).toBeLessThanOrEqual(MAX_VARS_BYTES);
    const bytes = new TextEncoder().encode(JSON.stringify(visitorBody(link))).length;
    expect(bytes).toBeLessThan(SERVER_MAX_JSON_BODY_BYTES);
  });

  it('fits for a realistic worst case too: twenty campaign variables of 256 CJK characters', () => {
    const params = new URLSearchParams();
    for (let i = 0; i < MAX_VARS; i++) params.append(`campaign_${i}`, '春'.repeat(MAX_VAR_VALUE_LENGTH));
    const bytes = new TextEncoder().encode(JSON.stringify(visitorBody(parseDirectLink(`?${params}`)))).length;
    expect(bytes).toBeLessThan(SERVER_MAX_JSON_BODY_BYTES);
  });
});
