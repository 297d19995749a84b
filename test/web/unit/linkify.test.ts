import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkify, type TextSegment } from '../../../src/chat/linkify';
import { naughtyStrings } from '../../support/naughty-strings';

const links = (text: string) => linkify(text).filter((segment) => segment.kind === 'link');
const joined = (segments: TextSegment[]) => segments.map((segment) => segment.text).join('');

describe('linkify', () => {
  it('splits text around an http(s) link', () => {
    expect(linkify('see https://example.com/help now')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/help', href: 'https://example.com/help' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('finds http links, upper-case schemes, and several links', () => {
    expect(links('http://a.example and HTTPS://B.EXAMPLE/x\nhttps://c.example').map((link) => link.text)).toEqual([
      'http://a.example',
      'HTTPS://B.EXAMPLE/x',
      'https://c.example',
    ]);
  });

  it('gives the normalized URL as href', () => {
    expect(links('HTTPS://B.EXAMPLE/x')[0]).toMatchObject({ href: 'https://b.example/x' });
    expect(links('https://例え.jp/パス')[0]).toMatchObject({ text: 'https://例え.jp/パス', href: 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9' });
  });

  it('keeps the query and the fragment', () => {
    expect(links('go to https://example.com/a?b=1&c=2#part')[0].text).toBe('https://example.com/a?b=1&c=2#part');
  });

  it.each(['.', ',', ';', ':', '!', '?', ')', ']', '}', '»', '”', '’', '...', '?!', ').'])(
    'leaves trailing %j out of the link',
    (punctuation) => {
      const segments = linkify(`(see https://example.com/page${punctuation}`);
      expect(links(`(see https://example.com/page${punctuation}`)[0].text).toBe('https://example.com/page');
      expect(joined(segments)).toBe(`(see https://example.com/page${punctuation}`);
    },
  );

  it('stops at quotes and angle brackets', () => {
    expect(links(`"https://example.com/q" <https://example.com/a> 'https://example.com/s'`).map((link) => link.text)).toEqual([
      'https://example.com/q',
      'https://example.com/a',
      'https://example.com/s',
    ]);
  });

  it('keeps CJK letters in a path', () => {
    expect(links('https://zh.wikipedia.org/wiki/中文 好')[0].text).toBe('https://zh.wikipedia.org/wiki/中文');
  });

  // Chinese and Japanese put no space before the next sentence: full-width punctuation ends the URL.
  it.each([
    ['请访问https://example.com/help，谢谢。', 'https://example.com/help'],
    ['詳しくはhttps://example.com/faq。ありがとう', 'https://example.com/faq'],
    ['見て（https://example.com/a）', 'https://example.com/a'],
    ['链接：https://example.com/x！', 'https://example.com/x'],
  ])('ends a link at full-width punctuation: %s', (text, link) => {
    expect(links(text).map((segment) => segment.text)).toEqual([link]);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.com',
    'www.example.com',
    'mailto:a@example.com',
    'http://',
    'https://.',
    'https://[',
    'xhttps://example.com',
  ])('makes no link of %j', (text) => {
    expect(links(text)).toEqual([]);
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('gives no segments for empty text', () => {
    expect(linkify('')).toEqual([]);
  });

  it('turns only the http part of a javascript: URL into a link, to http', () => {
    for (const link of links('javascript://https://evil.example/%0Aalert(1)')) expect(link.href.startsWith('https://')).toBe(true);
  });

  it('keeps every character, in order, with no empty or adjacent text segments, for naughty strings', () => {
    for (const naughty of naughtyStrings) {
      for (const text of [naughty, `https://example.com/${naughty}`, `${naughty} http://x.example/?q=${naughty}.`]) {
        const segments = linkify(text);
        expect(joined(segments)).toBe(text);
        for (const segment of segments) if (segment.kind === 'link') expect(new URL(segment.href).protocol).toMatch(/^https?:$/);
      }
    }
  });

  it('keeps every character, makes only http(s) links, and never splits text needlessly (property)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('https://', 'http://', 'HTTP://', 'javascript:', 'example.com', '/', ' ', '\n', '.', ')', '"', '<', '。', '，'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), (text) => {
        const segments = linkify(text);
        expect(joined(segments)).toBe(text);
        segments.forEach((segment, i) => {
          expect(segment.text).not.toBe('');
          if (segment.kind === 'text') expect(segments[i + 1]?.kind).not.toBe('text');
          else {
            expect(segment.text).toMatch(/^https?:\/\//i);
            expect(new URL(segment.href).protocol).toMatch(/^https?:$/);
            expect(segment.href).toBe(new URL(segment.text).href);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });
});
