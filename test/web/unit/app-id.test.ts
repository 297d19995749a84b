import { describe, expect, it } from 'vitest';
import { isValidAppId } from '../../../src/link/app-id';
import { appIdFromPath } from '../../../src/routes';

describe('isValidAppId', () => {
  it.each(['acme', 'A', 'shop-01_eu', 'a'.repeat(64)])('accepts %s', (id) => {
    expect(isValidAppId(id)).toBe(true);
  });

  it.each([undefined, '', 'a'.repeat(65), 'a b', 'a/b', 'a.b', '.', '..', 'é', '应用', 'acme\n', '\nacme', 'a%2Fb', 'a?b', 'a#b'])(
    'rejects %j',
    (id) => {
      expect(isValidAppId(id)).toBe(false);
    },
  );
});

describe('appIdFromPath', () => {
  it.each([
    ['/direct/acme', 'acme'],
    ['/direct/acme/', 'acme'],
    ['/direct/shop-01_eu', 'shop-01_eu'],
    ['/direct/%61cme', 'acme'],
    [`/direct/${'a'.repeat(64)}`, 'a'.repeat(64)],
  ])('reads %s as %s', (path, appId) => {
    expect(appIdFromPath(path)).toBe(appId);
  });

  it.each([
    '/direct/',
    '/direct',
    '/',
    '',
    '/direct//',
    '/direct/acme//',
    '/direct/acme/chat',
    '/direct/a/b',
    '/direct/a%2Fb',
    '/direct/a%2fb',
    '/direct/..',
    '/direct/%2E%2E',
    '/direct/.',
    '/direct/a%20b',
    '/direct/acme%00',
    '/direct/%E0%A4%A',
    '/direct/%',
    '/direct/%zz',
    `/direct/${'a'.repeat(65)}`,
    '/DIRECT/acme',
    '/other/acme',
    '/x/direct/acme',
    'direct/acme',
    '/direct/acme?x=1',
  ])('finds no app id in %j', (path) => {
    expect(appIdFromPath(path)).toBeUndefined();
  });
});

describe('linkSlugFromPath', () => {
  it('takes exactly the slugs LINK_SLUG_PATTERN allows', async () => {
    const { linkSlugFromPath } = await import('../../../src/link/link-slug');
    const { LINK_SLUG_PATTERN } = await import('../../../src/api/limits');
    for (const slug of ['abc', 'spring-sale', 'a'.repeat(64), 'ab', '-ab', 'ab-', 'Abc', 'a_b', 'a'.repeat(65), '%41bc']) {
      expect(linkSlugFromPath(`/c/${slug}`)).toBe(LINK_SLUG_PATTERN.test(slug) ? slug : undefined);
    }
    expect(linkSlugFromPath('/c/abc/')).toBe('abc');
    expect(linkSlugFromPath('/c/abc/x')).toBeUndefined();
  });
});
