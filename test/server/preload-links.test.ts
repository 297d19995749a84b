import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPathFromIndexHtml, guessPageLocale, preloadLinks } from '../../server/static/preload-links';
import { createFakeDist, PAGE_INDEX } from './support/fake-dist';
import { startTestServer, type TestServer } from './support/test-server';

const ASSETS = ['index-Ab12.js', 'locale-en-Aa11.js', 'locale-pt-Bb22.js', 'locale-zh-tw-Cc33.js', 'chat-controller-Dd44.js'];

describe('the language the page will pick, as the server sees it', () => {
  it.each([
    ['?lang=pt_BR', undefined, 'pt'],
    ['lang=ZH-hant', 'en', 'zh-tw'],
    ['?lang=xx', 'ja-JP,ja;q=0.9', 'ja'],
    ['', 'es-MX, zh-HK;q=0.8, en;q=0.5', 'zh-tw'],
    ['', 'en;q=0.2, de;q=0.9', 'de'],
    ['', 'de;q=0, fr', 'fr'],
    ['', 'es, it', 'en'],
    ['', undefined, 'en'],
  ])('search %j, Accept-Language %j → %s', (search, acceptLanguage, expected) => {
    expect(guessPageLocale(search, acceptLanguage)).toBe(expected);
  });
});

describe('preloadLinks', () => {
  it('announces the config URL the page builds and the locale chunk', () => {
    const link = preloadLinks({ appId: 'demo_app', search: '?lang=pt-BR&campaign=x', assets: ASSETS, apiPath: '/api' });
    expect(link).toBe(
      '</api/apps/demo_app/config?locale=pt>; rel=preload; as=fetch; crossorigin, ' +
        '</direct/assets/locale-pt-Bb22.js>; rel=modulepreload',
    );
  });

  it('leaves the config out when the API lives on another origin', () => {
    const link = preloadLinks({ appId: 'demo_app', search: '', acceptLanguage: 'zh-TW', assets: ASSETS, apiPath: undefined });
    expect(link).toBe('</direct/assets/locale-zh-tw-Cc33.js>; rel=modulepreload');
  });

  it('reads the API path from index.html, and only a same-origin path', () => {
    expect(apiPathFromIndexHtml(PAGE_INDEX)).toBe('/api');
    expect(apiPathFromIndexHtml(PAGE_INDEX.replace('"/api"', '"/chat/api/"'))).toBe('/chat/api');
    expect(apiPathFromIndexHtml(PAGE_INDEX.replace('"/api"', '"https://api.example.com/api"'))).toBeUndefined();
    expect(apiPathFromIndexHtml(PAGE_INDEX.replace('"/api"', '"//evil.example/api"'))).toBeUndefined();
  });
});

describe('the page response carries the Link header', () => {
  let server: TestServer;
  let dist: ReturnType<typeof createFakeDist>;
  beforeAll(async () => {
    dist = createFakeDist();
    mkdirSync(join(dist.distDir, 'direct/assets'), { recursive: true });
    for (const name of ASSETS) writeFileSync(join(dist.distDir, 'direct/assets', name), 'export {};');
    server = await startTestServer({ distDir: dist.distDir });
  });
  afterAll(async () => {
    await server.destroy();
    rmSync(dist.root, { recursive: true, force: true });
  });

  it('for a known app, in the language of the link', async () => {
    const response = await fetch(`${server.url}/direct/demo_app?lang=pt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('link')).toContain('</api/apps/demo_app/config?locale=pt>; rel=preload; as=fetch; crossorigin');
    expect(response.headers.get('link')).toContain('</direct/assets/locale-pt-Bb22.js>; rel=modulepreload');
  });

  it('not for an unknown app, an asset or another path', async () => {
    for (const path of ['/direct/no_such_app', '/direct/assets/index-Ab12.js', '/elsewhere']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('link'), path).toBeNull();
    }
  });
});
