import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropChatLink, scrubIdentity } from '../../../src/link/scrub-identity';

const PAGE = 'https://chat.example/direct/acme';
const IDENTITY = ['sbs', 'sbs_mm', 'ranstr', 'name', 'nickname', 'email', 'phone'];

describe('scrubIdentity', () => {
  it('removes the seven identity parameters and keeps the others, their order and the hash', () => {
    const href = `${PAGE}?utm=1&sbs=a&lang=fr&sbs_mm=b&ranstr=c&name=N&nickname=K&email=e%40x.io&phone=%2B1&x=2#section`;
    expect(scrubIdentity(href)).toBe(`${PAGE}?utm=1&lang=fr&x=2#section`);
  });

  it('removes every occurrence of a repeated identity parameter', () => {
    expect(scrubIdentity(`${PAGE}?sbs=a&utm=1&sbs=b&name=x&name=y&sbs=`)).toBe(`${PAGE}?utm=1`);
  });

  it('removes the "?" too when nothing else is left', () => {
    expect(scrubIdentity(`${PAGE}?sbs=a&sbs_mm=b&ranstr=c#h`)).toBe(`${PAGE}#h`);
    expect(scrubIdentity(`${PAGE}?name=Ann`)).toBe(PAGE);
  });

  it('removes a parameter whose name is percent-encoded, as the parser would read it', () => {
    expect(scrubIdentity(`${PAGE}?%73bs=a&utm=1`)).toBe(`${PAGE}?utm=1`);
  });

  it('keeps look-alike names and the chat and language parameters', () => {
    const href = `${PAGE}?Name=a&SBS=b&sbs_mm2=c&xsbs=d&sbs%5B%5D=e&direct=1&chatid=s1&lang=de`;
    expect(scrubIdentity(href)).toBe(href);
  });

  it.each([
    `${PAGE}`,
    `${PAGE}?`,
    `${PAGE}?utm=a%20b+c&e=%E2%9C%93&raw=✓&flag&x=`,
    `${PAGE}?q=%zz&r=%E0%A4%A`,
    `${PAGE}?utm=1#?sbs=in-the-hash&name=also`,
    `${PAGE}/?a=1`,
  ])('leaves an address without identity byte for byte unchanged: %s', (href) => {
    expect(scrubIdentity(href)).toBe(href);
  });

  it('keeps the decoded values of every other parameter, in order (property)', () => {
    const key = fc.oneof(fc.constantFrom(...IDENTITY, 'utm', 'lang'), fc.string({ maxLength: 8 }));
    const pairs = fc.array(fc.tuple(key, fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 12 });
    fc.assert(
      fc.property(pairs, fc.string({ maxLength: 10 }), (list, hash) => {
        const href = `${PAGE}?${new URLSearchParams(list)}#${encodeURIComponent(hash)}`;
        const scrubbed = new URL(scrubIdentity(href));
        const expected = [...new URLSearchParams(list)].filter(([k]) => !IDENTITY.includes(k));
        expect([...scrubbed.searchParams]).toEqual(expected);
        expect(scrubbed.hash).toBe(new URL(href).hash);
        expect(`${scrubbed.origin}${scrubbed.pathname}`).toBe(PAGE);
        if (list.every(([k]) => !IDENTITY.includes(k))) expect(scrubIdentity(href)).toBe(href);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dropChatLink', () => {
  it('removes direct, chatid and chat_id, every occurrence, and keeps the rest and the hash', () => {
    const href = `${PAGE}?direct=1&lang=ja&chatid=s1&utm=x&chat_id=s2&chatid=s3#top`;
    expect(dropChatLink(href)).toBe(`${PAGE}?lang=ja&utm=x#top`);
  });

  it('leaves an address without a chat link unchanged', () => {
    const href = `${PAGE}?lang=ja&utm=a%20b#top`;
    expect(dropChatLink(href)).toBe(href);
  });

  it('leaves identity parameters to scrubIdentity', () => {
    expect(dropChatLink(`${PAGE}?direct=1&sbs=a`)).toBe(`${PAGE}?sbs=a`);
  });
});
