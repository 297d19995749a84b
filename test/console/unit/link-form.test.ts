import { describe, expect, it } from 'vitest';
import { EMPTY_LINK_FORM, validateLinkForm } from '../../../server/console/compose/link-form';

const form = (values: Partial<typeof EMPTY_LINK_FORM>) => validateLinkForm({ ...EMPTY_LINK_FORM, ...values });

describe('validateLinkForm', () => {
  it('accepts http(s) and trims, leaving out empty optional fields', () => {
    expect(form({ title: ' Sale ', url: ' https://shop.test/sale ' })).toEqual({
      ok: true,
      link: { title: 'Sale', url: 'https://shop.test/sale' },
    });
    expect(form({ title: 'T', url: 'http://a.test', imageUrl: 'https://i.test/x.png', description: ' d ' })).toEqual({
      ok: true,
      link: { title: 'T', url: 'http://a.test/', imageUrl: 'https://i.test/x.png', description: 'd' },
    });
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://x.test',
    '//evil.test',
    '/relative',
    'https://',
    'not a url',
  ])('rejects %j as the URL and as the image URL', (bad) => {
    const result = form({ title: 'T', url: bad, imageUrl: bad });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.url).toBeDefined();
      expect(result.errors.imageUrl).toBeDefined();
    }
  });

  it('requires a title and a URL and enforces the shared limits', () => {
    const empty = form({});
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.errors).sort()).toEqual(['title', 'url']);
    const long = form({ title: 'x'.repeat(201), url: `https://a.test/${'x'.repeat(2048)}`, description: 'd'.repeat(501) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(Object.keys(long.errors).sort()).toEqual(['description', 'title', 'url']);
  });

  it('refuses an http image, which the chat page would not load', () => {
    const result = form({ title: 'T', url: 'https://a.test', imageUrl: 'http://i.test/x.png', description: '' });
    expect(result).toMatchObject({ ok: false, errors: { imageUrl: 'The image URL must start with https://.' } });
  });
});
