import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeHttpUrl, safeHttpsImage, safeImageSource } from '../../../src/link/safe-url';

const PAGE = 'https://chat.example/direct/acme';
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com/x',
  'mailto:a@example.com',
  'blob:https://chat.example/0b0c0e6a',
  'about:blank',
  '//evil.example/x',
  '\\\\evil.example\\x',
  'http://',
  'https://',
  'relative/path',
  './x',
  '../x',
  '#x',
  '?x',
];

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.COM/Path', 'https://example.com/Path'],
    ['https://例え.jp/パス', 'https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9'],
  ])('lets %s through as %s', (input, href) => {
    expect(safeHttpUrl(input)).toBe(href);
  });

  it.each([...HOSTILE, '/relative', '/'])('refuses %j', (input) => {
    expect(safeHttpUrl(input)).toBeUndefined();
  });

  it('refuses nothing at all', () => {
    expect(safeHttpUrl(undefined)).toBeUndefined();
    expect(safeHttpUrl('')).toBeUndefined();
  });

  it('returns the parsed form, so leading spaces and controls never reach an href', () => {
    expect(safeHttpUrl('  https://example.com/x ')).toBe('https://example.com/x');
    expect(safeHttpUrl('\u0001https://example.com/x')).toBe('https://example.com/x');
  });

  it('only ever returns an http(s) URL in its own normalized form (property)', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.tuple(fc.constantFrom('http:', 'https:', 'javascript:', 'data:', '//', ' ', '\t'), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(input, (value) => {
        const href = safeHttpUrl(value);
        if (href === undefined) return;
        const url = new URL(href);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(href).toBe(url.href);
      }),
      { numRuns: 500 },
    );
  });
});

describe('safeImageSource', () => {
  it.each(['/logo.png', '/assets/brand/logo.svg?v=2', '/a b.png'])('keeps the same-origin path %s as it is', (path) => {
    expect(safeImageSource(path)).toBe(path);
  });

  it('lets an absolute http(s) URL through', () => {
    expect(safeImageSource('https://cdn.example.com/logo.png')).toBe('https://cdn.example.com/logo.png');
  });

  it.each([...HOSTILE, '/\\evil.example/x.png', 'logo.png'])('refuses %j', (input) => {
    expect(safeImageSource(input)).toBeUndefined();
  });

  // The URL parser drops tabs and newlines anywhere, so "/\t/evil" is loaded from //evil: another origin.
  it.each(['/\t/evil.example/x.png', '/\n/evil.example/x.png', '/\r/evil.example/x.png', '/\t\\evil.example/x.png'])(
    'refuses %j, which a browser reads as a protocol-relative URL',
    (input) => {
      const kept = safeImageSource(input);
      if (kept !== undefined) expect(new URL(kept, PAGE).origin).toBe(new URL(PAGE).origin);
    },
  );

  it('never yields a source that loads from another origin unless it is an http(s) URL (property)', () => {
    const piece = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', '.', 'evil.example', ':', '%2F', 'https:', '@');
    const pieces = fc.array(piece, { maxLength: 6 }).map((list) => list.join(''));
    const input = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), pieces, pieces.map((rest) => `/${rest}`));
    fc.assert(
      fc.property(input, (value) => {
        const source = safeImageSource(value);
        if (source === undefined) return;
        const url = new URL(source, PAGE);
        if (url.origin !== new URL(PAGE).origin) expect(safeHttpUrl(source)).toBe(source);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('safeHttpsImage', () => {
  it.each([
    ['https://cdn.example.com/a.png', 'https://cdn.example.com/a.png'],
    ['http://cdn.example.com/a.png', undefined],
    ['javascript:alert(1)', undefined],
    ['data:image/png;base64,AAAA', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpsImage(input)).toBe(expected);
  });
});
