import { describe, expect, it } from 'vitest';
import { IDENTITY_KEYS, SIGNED_KEYS, parseDirectLink } from '../../../src/link/direct-link';
import { IDENTITY_LIMITS, MAX_VARS, MAX_VAR_VALUE_LENGTH } from '../../../src/api/limits';
import { codePoints, isWellFormed } from './support/text-checks';

const SIGNED = { sbs: 'customer-42', sbs_mm: '0123456789abcdef0123456789abcdef', ranstr: 'abcdefghijklmnop' };
const signedQuery = new URLSearchParams(SIGNED).toString();
const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

describe('parseDirectLink: direct + chatid', () => {
  it('opens the conversation with direct=1 and a chatid', () => {
    expect(parseDirectLink('?direct=1&chatid=abc_123-XYZ')).toMatchObject({ chatId: 'abc_123-XYZ', chatIdMalformed: false });
  });

  it('accepts the query with or without its leading "?"', () => {
    expect(parseDirectLink('direct=1&chatid=abc').chatId).toBe('abc');
  });

  it('compares the decoded value: %31 is "1"', () => {
    expect(parseDirectLink('?direct=%31&chatid=abc').chatId).toBe('abc');
  });

  it.each(['true', '01', ' 1', '1 ', '%201', '1%20', '+1', '1+', '', '0', '2', '1.0', 'yes', 'ONE', '１'])(
    'ignores the chat id unless direct is exactly 1 (direct=%s)',
    (direct) => {
      const link = parseDirectLink(`?direct=${direct}&chatid=abc`);
      expect(link.chatId).toBeUndefined();
      expect(link.chatIdMalformed).toBe(false);
    },
  );

  it('ignores a bare "direct" with no value and an upper-case DIRECT', () => {
    expect(parseDirectLink('?direct&chatid=abc').chatId).toBeUndefined();
    expect(parseDirectLink('?DIRECT=1&chatid=abc').chatId).toBeUndefined();
  });

  it('ignores chatid and chat_id without direct=1, and does not forward them as variables', () => {
    const link = parseDirectLink('?chatid=abc&chat_id=def');
    expect(link.chatId).toBeUndefined();
    expect(link.chatIdMalformed).toBe(false);
    expect(link.vars).toEqual({});
  });

  it('treats the parameter names as case-sensitive: ChatId is a variable, not a chat', () => {
    const link = parseDirectLink('?direct=1&ChatId=abc');
    expect(link.chatId).toBeUndefined();
    expect(link.vars).toEqual({ ChatId: 'abc' });
  });

  it('prefers chatid over chat_id when both are present, in either order', () => {
    expect(parseDirectLink('?direct=1&chatid=first&chat_id=second').chatId).toBe('first');
    expect(parseDirectLink('?direct=1&chat_id=second&chatid=first').chatId).toBe('first');
  });

  it('uses chat_id when chatid is absent or empty', () => {
    expect(parseDirectLink('?direct=1&chat_id=second').chatId).toBe('second');
    expect(parseDirectLink('?direct=1&chatid=&chat_id=second').chatId).toBe('second');
  });

  it('lets a malformed chatid win over a valid chat_id: the link is broken, not silently redirected', () => {
    const link = parseDirectLink('?direct=1&chatid=bad%20id&chat_id=good');
    expect(link).toMatchObject({ chatIdMalformed: true });
    expect(link.chatId).toBeUndefined();
  });

  it('asks for nothing when direct=1 comes without an id', () => {
    for (const search of ['?direct=1', '?direct=1&chatid=', '?direct=1&chatid=&chat_id=']) {
      const link = parseDirectLink(search);
      expect(link.chatId).toBeUndefined();
      expect(link.chatIdMalformed).toBe(false);
    }
  });

  it('accepts an id of 64 characters', () => {
    expect(parseDirectLink(`?direct=1&chatid=${'a'.repeat(64)}`).chatId).toBe('a'.repeat(64));
  });

  it.each([
    'a'.repeat(65),
    'a%20b',
    'a+b',
    'a/b',
    'a%2Fb',
    '..',
    '.',
    'a.b',
    '..%2Fadmin',
    'a%3Fb',
    'a%23b',
    'a%00b',
    'a%0Ab',
    '%C3%A9',
    '%E4%BC%9A%E8%AF%9D',
    '%F0%9F%99%82',
    '%E0%A4%A',
    '<script>',
  ])('flags a malformed chat id (%s) and never returns it', (raw) => {
    const link = parseDirectLink(`?direct=1&chatid=${raw}`);
    expect(link.chatId).toBeUndefined();
    expect(link.chatIdMalformed).toBe(true);
  });

  it('lets the first direct win when it is repeated', () => {
    expect(parseDirectLink('?direct=0&direct=1&chatid=abc').chatId).toBeUndefined();
    expect(parseDirectLink('?direct=1&direct=0&chatid=abc').chatId).toBe('abc');
    expect(parseDirectLink('?direct=1&chatid=one&chatid=two').chatId).toBe('one');
  });
});

describe('parseDirectLink: identity', () => {
  it('forwards the three signed fields together', () => {
    const link = parseDirectLink(`?${signedQuery}`);
    expect(link.identity).toEqual(SIGNED);
    expect(link.identityMalformed).toBe(false);
  });

  it('forwards signed fields byte for byte: the signature was computed over them', () => {
    const link = parseDirectLink(query({ ...SIGNED, sbs: ' spaced id\t' }));
    expect(link.identity?.sbs).toBe(' spaced id\t');
  });

  it('reports no identity problem when there is no identity at all', () => {
    const link = parseDirectLink('?utm_source=mail');
    expect(link.identity).toBeUndefined();
    expect(link.identityMalformed).toBe(false);
  });

  const properSubsets = [[0], [1], [2], [0, 1], [0, 2], [1, 2]].map((indexes) => {
    const keys = indexes.map((i) => SIGNED_KEYS[i]);
    return { keys, label: keys.join(' + ') };
  });
  it.each(properSubsets)('drops a partial identity ($label) and flags it, never sending half', ({ keys }) => {
    const params = Object.fromEntries(keys.map((key) => [key, SIGNED[key]]));
    const link = parseDirectLink(query({ ...params, name: 'Ann' }));
    expect(link.identity).toBeUndefined();
    expect(link.identityMalformed).toBe(true);
    expect(link.vars).toEqual({});
  });

  it.each(SIGNED_KEYS)('treats an empty %s as missing', (key) => {
    const link = parseDirectLink(query({ ...SIGNED, [key]: '' }));
    expect(link.identity).toBeUndefined();
    expect(link.identityMalformed).toBe(true);
  });

  it.each(SIGNED_KEYS)('accepts %s at its length limit and drops the identity one character over it', (key) => {
    const limit = IDENTITY_LIMITS[key];
    expect(parseDirectLink(query({ ...SIGNED, [key]: 'a'.repeat(limit) })).identity?.[key]).toBe('a'.repeat(limit));
    const over = parseDirectLink(query({ ...SIGNED, [key]: 'a'.repeat(limit + 1) }));
    expect(over.identity).toBeUndefined();
    expect(over.identityMalformed).toBe(true);
  });

  it('keeps the first occurrence of a repeated signed field: a later one cannot override it', () => {
    const link = parseDirectLink(`?${signedQuery}&sbs=intruder&sbs_mm=ffffffffffffffffffffffffffffffff&ranstr=later`);
    expect(link.identity).toEqual(SIGNED);
  });

  it('drops claims that come without a signed identity, and does not forward them as variables', () => {
    const link = parseDirectLink('?name=Ann&nickname=A&email=a%40example.com&phone=123&utm=x');
    expect(link.identity).toBeUndefined();
    expect(link.identityMalformed).toBe(false);
    expect(link.vars).toEqual({ utm: 'x' });
  });

  it('adds the claims to a complete identity', () => {
    const claims = { name: 'Ann Lee', nickname: 'annie', email: 'ann@example.com', phone: '+49 30 1234567' };
    expect(parseDirectLink(query({ ...SIGNED, ...claims })).identity).toEqual({ ...SIGNED, ...claims });
  });

  it('trims claims and leaves out blank ones', () => {
    const link = parseDirectLink(query({ ...SIGNED, name: '  Ann  ', nickname: '   ', email: '' }));
    expect(link.identity).toEqual({ ...SIGNED, name: 'Ann' });
  });

  it('strips control characters before trimming, so padding made of them goes too', () => {
    const link = parseDirectLink(query({ ...SIGNED, name: '\u0000 Ann \u0007', phone: '\u001b[31m123' }));
    expect(link.identity?.name).toBe('Ann');
    expect(link.identity?.phone).toBe('[31m123');
  });

  it('strips C0, DEL, C1 and bidi override/isolate characters from claims, keeping real right-to-left text', () => {
    const hostile = 'A\u0001B\u007fC\u0085D\u202aE\u202bF\u202cG\u202dH\u202eI\u2066J\u2067K\u2068L\u2069M';
    const link = parseDirectLink(query({ ...SIGNED, name: hostile, nickname: 'שלום عليكم' }));
    expect(link.identity?.name).toBe('ABCDEFGHIJKLM');
    expect(link.identity?.nickname).toBe('שלום عليكم');
  });

  it.each(['name', 'nickname', 'email', 'phone'] as const)('truncates %s to its limit in code points', (key) => {
    const limit = IDENTITY_LIMITS[key];
    const link = parseDirectLink(query({ ...SIGNED, [key]: 'x'.repeat(limit + 50) }));
    expect(link.identity?.[key]).toBe('x'.repeat(limit));
  });

  it('truncates by code points without splitting a surrogate pair', () => {
    const name = `a${'😀'.repeat(IDENTITY_LIMITS.name)}`;
    const claim = parseDirectLink(query({ ...SIGNED, name })).identity?.name ?? '';
    expect(codePoints(claim)).toBe(IDENTITY_LIMITS.name);
    expect(claim).toBe(`a${'😀'.repeat(IDENTITY_LIMITS.name - 1)}`);
    expect(isWellFormed(claim)).toBe(true);
  });

  it('keeps the first occurrence of a repeated claim', () => {
    expect(parseDirectLink(`?${signedQuery}&name=First&name=Second`).identity?.name).toBe('First');
  });

  it('never puts an identity parameter among the variables', () => {
    const all = Object.fromEntries(IDENTITY_KEYS.map((key) => [key, key === 'sbs_mm' ? SIGNED.sbs_mm : `v-${key}`]));
    expect(parseDirectLink(query(all)).vars).toEqual({});
  });
});

describe('parseDirectLink: lang', () => {
  it('passes the raw lang on for normalization and keeps it out of the variables', () => {
    const link = parseDirectLink('?lang=pt_BR&utm=1');
    expect(link.lang).toBe('pt_BR');
    expect(link.vars).toEqual({ utm: '1' });
  });

  it('has no lang for an empty or missing one, and bounds a very long one', () => {
    expect(parseDirectLink('?lang=').lang).toBeUndefined();
    expect(parseDirectLink('?utm=1').lang).toBeUndefined();
    expect(codePoints(parseDirectLink(`?lang=${'x'.repeat(5000)}`).lang ?? '')).toBeLessThanOrEqual(35);
  });
});

describe('parseDirectLink: input variables', () => {
  it('forwards every other parameter, in order', () => {
    const link = parseDirectLink('?utm_source=mail&campaign=spring-2026&ext.id=A-1');
    expect(Object.entries(link.vars)).toEqual([
      ['utm_source', 'mail'],
      ['campaign', 'spring-2026'],
      ['ext.id', 'A-1'],
    ]);
  });

  it('keeps an empty value as an empty string', () => {
    expect(parseDirectLink('?ref=&flag').vars).toEqual({ ref: '', flag: '' });
  });

  it(`keeps at most ${MAX_VARS} variables, the first ones, not counting contract parameters`, () => {
    const contract = `direct=1&chatid=abc&lang=de&${signedQuery}&name=Ann`;
    const extra = Array.from({ length: MAX_VARS + 5 }, (_, i) => `v${i}=${i}`).join('&');
    const link = parseDirectLink(`?${contract}&${extra}`);
    expect(Object.keys(link.vars)).toEqual(Array.from({ length: MAX_VARS }, (_, i) => `v${i}`));
  });

  it('skips keys outside the key pattern without letting them use up the quota', () => {
    const bad = ['a%20b', 'a/b', '%D0%BA%D0%BB%D1%8E%D1%87', 'x%3Dy', 'a%00', 'k'.repeat(65), '%F0%9F%98%80'];
    const good = Array.from({ length: MAX_VARS }, (_, i) => `g${i}=1`);
    const link = parseDirectLink(`?${bad.map((key) => `${key}=1`).join('&')}&${good.join('&')}`);
    expect(Object.keys(link.vars)).toEqual(Array.from({ length: MAX_VARS }, (_, i) => `g${i}`));
  });

  it('accepts a key of 64 characters', () => {
    expect(parseDirectLink(`?${'k'.repeat(64)}=1`).vars).toEqual({ ['k'.repeat(64)]: '1' });
  });

  it('truncates values to their limit in code points without splitting a surrogate pair', () => {
    const value = `a${'🎉'.repeat(MAX_VAR_VALUE_LENGTH)}`;
    const kept = parseDirectLink(query({ campaign: value })).vars.campaign;
    expect(codePoints(kept)).toBe(MAX_VAR_VALUE_LENGTH);
    expect(isWellFormed(kept)).toBe(true);
    expect(kept).toBe(`a${'🎉'.repeat(MAX_VAR_VALUE_LENGTH - 1)}`);
  });

  it('strips control and bidi override characters from values', () => {
    expect(parseDirectLink('?c=a%00b%0Ac%E2%80%AEd').vars).toEqual({ c: 'abcd' });
  });

  it('keeps the first occurrence of a repeated variable', () => {
    expect(parseDirectLink('?c=first&c=second').vars).toEqual({ c: 'first' });
  });

  it('keeps __proto__, constructor and prototype as plain own properties and pollutes nothing', () => {
    const link = parseDirectLink('?__proto__=p&constructor=c&prototype=t&hasOwnProperty=h&toString=s');
    const vars = link.vars;
    expect(Object.getPrototypeOf(vars)).toBe(Object.prototype);
    expect(Object.keys(vars)).toEqual(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']);
    expect(Object.getOwnPropertyDescriptor(vars, '__proto__')?.value).toBe('p');
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(JSON.parse(JSON.stringify(vars))).toEqual(vars);
    expect(JSON.stringify(vars)).toContain('"__proto__":"p"');
  });
});

describe('parseDirectLink: encoding and Unicode', () => {
  it('decodes %20 and + as spaces and %2B as a plus', () => {
    expect(parseDirectLink('?a=x%20y&b=x+y&c=%2B1').vars).toEqual({ a: 'x y', b: 'x y', c: '+1' });
  });

  it('survives broken percent-encoding: the bytes it cannot decode become U+FFFD, nothing throws', () => {
    const link = parseDirectLink('?a=%E0%A4%A&b=%&c=%zz&d=%C3');
    expect(link.vars).toEqual({ a: '\ufffd%A', b: '%', c: '%zz', d: '\ufffd' });
  });

  it('drops a NUL-only value to an empty string', () => {
    expect(parseDirectLink('?a=%00').vars).toEqual({ a: '' });
  });

  it('decodes UTF-8 percent-encoding and raw Unicode: emoji, CJK, right-to-left', () => {
    const link = parseDirectLink(`?${signedQuery}&name=%E5%BC%A0%E4%BC%9F&nickname=🦄&c=日本語&d=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7`);
    expect(link.identity).toMatchObject({ name: '张伟', nickname: '🦄' });
    expect(link.vars).toEqual({ c: '日本語', d: 'مرحبا' });
  });

  it('parses an empty query to the empty link', () => {
    expect(parseDirectLink('')).toEqual({ chatIdMalformed: false, identityMalformed: false, vars: {} });
    expect(parseDirectLink('?')).toEqual({ chatIdMalformed: false, identityMalformed: false, vars: {} });
  });
});
