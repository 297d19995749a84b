import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_BASE_META, DEFAULT_API_BASE, normalizeApiBase, readApiBase } from '../../../src/config/runtime-config';
import { PAGE_URL } from './support/request-urls';

const PAGE_ORIGIN = new URL(PAGE_URL).origin;

describe('normalizeApiBase', () => {
  it.each([
    ['/api', '/api'],
    ['/api/', '/api'],
    ['/api///', '/api'],
    ['  /custom/api  ', '/custom/api'],
    ['/v1/chat-api', '/v1/chat-api'],
    ['https://api.example.com', 'https://api.example.com'],
    ['https://api.example.com/v1/', 'https://api.example.com/v1'],
    ['HTTP://api.example.com:8080/x', 'HTTP://api.example.com:8080/x'],
  ])('takes %j as %j', (input, base) => {
    expect(normalizeApiBase(input)).toBe(base);
  });

  it.each([
    null,
    undefined,
    '',
    '   ',
    '/',
    '//evil.example',
    '//evil.example/api',
    ' //evil.example',
    '\\\\evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/plain,x',
    'ftp://api.example.com',
    'api',
    './api',
    '../api',
    'https://',
    'https:///evil',
    'https:evil.example',
  ])('falls back to /api for %j', (input) => {
    expect(normalizeApiBase(input)).toBe(DEFAULT_API_BASE);
  });

  // Not URLs at all: new URL() throws on them, and readApiBase runs at boot.
  it.each(['https://api example.com', 'https://exa%zzmple.com', 'http://[::1', 'https://a:b:c@/x'])(
    'falls back to /api for the invalid URL %j',
    (input) => {
      expect(normalizeApiBase(input)).toBe(DEFAULT_API_BASE);
    },
  );

  // Tabs and newlines vanish when a URL is parsed, so "/\t/evil.example" is fetched from evil.example, token and all.
  it.each(['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example/api'])('does not send requests to another origin for %j', (input) => {
    expect(new URL(`${normalizeApiBase(input)}/apps/acme/config`, PAGE_URL).origin).toBe(PAGE_ORIGIN);
  });

  it('keeps requests on this origin unless given an absolute http(s) URL, and never ends in a slash (property)', () => {
    const piece = fc.constantFrom('/', '\\', '\t', '\n', '\r', ' ', 'evil.example', 'api', ':', 'https:', 'javascript:', '%2F', '.');
    const pieces = fc.array(piece, { maxLength: 6 }).map((list) => list.join(''));
    const input = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), pieces, pieces.map((rest) => `/${rest}`));
    fc.assert(
      fc.property(input, (value) => {
        const base = normalizeApiBase(value);
        expect(base.endsWith('/')).toBe(false);
        const url = new URL(`${base}/apps/acme/config`, PAGE_URL);
        expect(['http:', 'https:']).toContain(url.protocol);
        if (!/^https?:\/\//i.test(value.trim())) expect(url.origin).toBe(PAGE_ORIGIN);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readApiBase', () => {
  function withMeta(attributes: Record<string, string> | undefined, run: () => void) {
    const element = document.createElement('meta');
    for (const [name, value] of Object.entries(attributes ?? {})) element.setAttribute(name, value);
    if (attributes) document.head.append(element);
    try {
      run();
    } finally {
      element.remove();
    }
  }
  const onThisPage = (path: string) => new URL(path, document.baseURI).href;

  it('reads the deploy-time meta tag, as an absolute URL without a trailing slash', () => {
    withMeta({ name: API_BASE_META, content: 'https://chat-api.example.com/v1/' }, () => {
      expect(readApiBase(document)).toBe('https://chat-api.example.com/v1');
    });
    withMeta({ name: API_BASE_META, content: '/chat/api/' }, () => {
      expect(readApiBase(document)).toBe(onThisPage('/chat/api'));
    });
  });

  const missing: (Record<string, string> | undefined)[] = [
    undefined,
    { name: API_BASE_META },
    { name: API_BASE_META, content: '' },
    { name: 'other', content: '/elsewhere' },
  ];
  it.each(missing)(
    'falls back to /api on this origin for the meta tag %j',
    (attributes) => {
      withMeta(attributes, () => expect(readApiBase(document)).toBe(onThisPage('/api')));
    },
  );

  it('never throws at boot, whatever the meta content (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((rest) => `https://${rest}`)), (content) => {
        withMeta({ name: API_BASE_META, content }, () => {
          const base = readApiBase(document);
          expect(['http:', 'https:']).toContain(new URL(base).protocol);
        });
      }),
      { numRuns: 300 },
    );
  });

  it.each(['//evil.example', 'javascript:alert(1)', '/\\evil.example', '/\t/evil.example', '/\n/evil.example'])(
    'keeps the API on this origin for the hostile meta content %j',
    (content) => {
      withMeta({ name: API_BASE_META, content }, () => {
        expect(new URL(readApiBase(document)).origin).toBe(new URL(document.baseURI).origin);
      });
    },
  );
});
