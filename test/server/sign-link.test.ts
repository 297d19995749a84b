import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANSTR_PATTERN } from '../../src/api/limits';
import { checkSignature } from '../../server/identity/verify-identity';
import { computeSignature, newRanstr, signDirectLink } from '../../server/sign-link';
import { call } from './support/api-client';
import { DEMO_SECRET, startTestServer, type TestServer } from './support/test-server';

// The worked example in the README ("Identity: signing links"); integrators check their own code against it.
const VECTOR = {
  secret: 'demo-only-secret-not-for-production',
  sbs: '42',
  ranstr: 'abcdefghijklmnop0123456789ABCDEF',
  inner: '059154fc13aa785e578911655e2cde55',
  sbs_mm: '4a874c510197c6b96afeb8f0e632f441',
};

describe('computeSignature', () => {
  it('matches the documented test vector', () => {
    expect(computeSignature(VECTOR.sbs, VECTOR.secret, VECTOR.ranstr)).toBe(VECTOR.sbs_mm);
    expect(checkSignature({ sbs: VECTOR.sbs, sbs_mm: VECTOR.sbs_mm, ranstr: VECTOR.ranstr }, VECTOR.secret)).toBe('valid');
  });

  it('hashes strings as UTF-8', () => {
    const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
    const inner = md5(Buffer.from('客户-7_secret-with-ü-0000', 'utf8'));
    const expected = md5(Buffer.from(`${inner}_abcdefghijklmnop`, 'utf8'));
    expect(computeSignature('客户-7', 'secret-with-ü-0000', 'abcdefghijklmnop')).toBe(expected);
  });

  it('is the documented two-step MD5', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    expect(md5(`${VECTOR.sbs}_${VECTOR.secret}`)).toBe(VECTOR.inner);
    expect(md5(`${VECTOR.inner}_${VECTOR.ranstr}`)).toBe(VECTOR.sbs_mm);
  });
});

describe('signDirectLink', () => {
  const base = { baseUrl: 'https://chat.example.com/', appId: 'demo_app', secret: DEMO_SECRET, sbs: '42' };

  it('builds a /direct/<appId> link with a fresh 32-character alphanumeric ranstr and a valid signature', () => {
    const first = new URL(signDirectLink({ ...base, name: 'Ada Lovelace', email: 'ada@example.com', lang: 'en' }));
    const second = new URL(signDirectLink(base));
    expect(first.origin + first.pathname).toBe('https://chat.example.com/direct/demo_app');
    const ranstr = first.searchParams.get('ranstr')!;
    expect(ranstr).toMatch(RANSTR_PATTERN);
    expect(ranstr).toHaveLength(32);
    expect(second.searchParams.get('ranstr')).not.toBe(ranstr);
    expect(first.searchParams.get('sbs_mm')).toBe(computeSignature('42', DEMO_SECRET, ranstr));
    expect(Object.fromEntries(first.searchParams)).toMatchObject({ sbs: '42', name: 'Ada Lovelace', email: 'ada@example.com', lang: 'en' });
  });

  it('adds direct=1&chatid for a chat id, and input variables', () => {
    const url = new URL(signDirectLink({ ...base, chatId: 's_abc', vars: { campaign: 'spring sale' } }));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ direct: '1', chatid: 's_abc', campaign: 'spring sale' });
  });

  it('refuses variables that would shadow link parameters, and bad input', () => {
    expect(() => signDirectLink({ ...base, vars: { sbs: '1' } })).toThrow(TypeError);
    expect(() => signDirectLink({ ...base, vars: { 'a b': '1' } })).toThrow(TypeError);
    expect(() => signDirectLink({ ...base, appId: 'bad/app' })).toThrow(TypeError);
    expect(() => signDirectLink({ ...base, sbs: '' })).toThrow(TypeError);
    expect(() => signDirectLink({ ...base, baseUrl: 'javascript:alert(1)//' })).toThrow(TypeError);
  });

  it('draws ranstr characters from the whole alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newRanstr()).join(''));
    expect(seen.size).toBe(62);
  });
});

describe('a signed link through POST /visitors', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.destroy());

  it('verifies once, then is replayed', async () => {
    const link = new URL(signDirectLink({ baseUrl: server.url, appId: 'demo_app', secret: DEMO_SECRET, sbs: '42', name: 'Ada Lovelace' }));
    const params = Object.fromEntries(link.searchParams);
    const identity = { sbs: params.sbs, sbs_mm: params.sbs_mm, ranstr: params.ranstr, name: params.name };
    const first = await call(server.url, '/api/apps/demo_app/visitors', { body: { locale: 'en', identity } });
    expect(first.body.visitor).toMatchObject({ verified: true, displayName: 'Ada Lovelace' });
    const second = await call(server.url, '/api/apps/demo_app/visitors', { body: { locale: 'en', identity } });
    expect(second.body.identityError).toBe('replayed');
  });
});
