import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl as httpUrl } from '../../../src/link/safe-url';
import { languageName } from '../../../server/console/text/language-names';
import { linkify } from '../../../src/chat/linkify';
import { visitorLabel } from '../../../server/console/text/visitor-label';
import { formatShortTime } from '../../../server/console/text/format-time';

describe('httpUrl', () => {
  it('keeps absolute http(s) and nothing else', () => {
    expect(httpUrl('https://a.test/x?y#z')).toBe('https://a.test/x?y#z');
    expect(httpUrl('HTTP://A.test')).toBe('http://a.test/');
    for (const bad of ['javascript:1', 'data:,x', 'mailto:a@b.c', '//a.test', '/x', '', undefined, 'http:/x y']) {
      expect(httpUrl(bad)).toBeUndefined();
    }
  });
});

describe('linkify', () => {
  it('finds http(s) links and leaves trailing punctuation outside', () => {
    expect(linkify('See https://a.test/x. Or (http://b.test/y)!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://a.test/x', href: 'https://a.test/x' },
      { kind: 'text', text: '. Or (' },
      { kind: 'link', text: 'http://b.test/y', href: 'http://b.test/y' },
      { kind: 'text', text: ')!' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
  });

  it('loses no text and only links http(s)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'https://a.test/p', 'http://x'), (s, u) => {
        const text = `${s}${u}${s}`;
        const segments = linkify(text);
        expect(segments.map((seg) => seg.text).join('')).toBe(text);
        for (const seg of segments) if (seg.kind === 'link') expect(seg.href).toMatch(/^https?:\/\//);
      }),
    );
  });
});

describe('labels', () => {
  it('names languages and visitors', () => {
    expect(languageName('pt')).toBe('Portuguese');
    expect(languageName('xx')).toBe('xx');
    expect(languageName('constructor')).toBe('constructor');
    expect(visitorLabel({ id: 'vis_abcdef123456', displayName: '  ' })).toBe('Visitor 123456');
    expect(visitorLabel({ id: 'v', displayName: 'Ada' })).toBe('Ada');
  });

  it('formats times for today and other days, and nothing for garbage', () => {
    const now = new Date(2025, 5, 2, 15, 0);
    expect(formatShortTime(new Date(2025, 5, 2, 9, 5).toISOString(), now)).toMatch(/09:05/);
    expect(formatShortTime(new Date(2025, 4, 30, 9, 5).toISOString(), now)).toMatch(/May 30/);
    expect(formatShortTime('yesterday', now)).toBe('');
  });
});
