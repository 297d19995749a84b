// The chat page served with the app's first screen written in (server/static/first-screen-page.ts), over real HTTP.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../../src/api/wire';
import type { StaticFile } from '../../server/static/file-cache';
import { pageWithFirstScreen } from '../../server/static/first-screen-page';
import { ENTRY_LOADER } from '../../server/static/first-screen-boot';
import { INLINED_CONFIG_ID, readInlinedConfig } from '../../src/boot/inlined-config';
import { createFakeDist } from './support/fake-dist';
import { parseHtml } from './support/parse-html';
import { startTestServer, type TestServer } from './support/test-server';

// The Big List of Naughty Strings (MIT, fixtures/blns/LICENSE): every one as the app's name, title, welcome and more.
const NAUGHTY: string[] = JSON.parse(readFileSync(resolve(__dirname, 'fixtures/blns/blns.json'), 'utf8'));
const PAGE_INDEX = readFileSync(resolve(__dirname, '../../index.html'), 'utf8');
const HOSTILE = '</title></SCRIPT ><script>alert()</script><img src onerror=alert(2)>"\'&amp;<!--\u2028';
/** The elements the first screen is made of: anything else in it would be markup smuggled in through a string. */
const SCREEN_TAGS = new Set('div a header span img h1 p button svg circle path main section strong form label textarea'.split(' '));

const team = [{ name: 'Sam Carter' }, { name: 'Ana Souza' }];
const apps = {
  apps: [
    {
      appId: 'demo_app',
      name: 'Demo Shop',
      appSecret: 'demo-only-secret-not-for-production',
      fullPage: true,
      allowedOrigins: [],
      locales: ['en', 'de'],
      defaultLocale: 'en',
      accentColor: '#1f5fbf',
      logoUrl: '/direct/favicon.svg',
      team,
      branding: {
        en: { title: 'Demo Shop Support', welcome: 'Hi there!', replyTime: 'Usually replies in a few minutes', quickReplies: ['Where is my order?'] },
        de: { title: 'Demo Shop Kundenservice', welcome: 'Hallo!', accentColor: '#1a4f9f' },
      },
    },
    {
      appId: 'hostile_app',
      name: HOSTILE,
      appSecret: 'hostile-test-secret-0123456789',
      fullPage: true,
      allowedOrigins: [],
      locales: ['en'],
      defaultLocale: 'en',
      accentColor: '#1f5fbf',
      team: [{ name: HOSTILE }],
      branding: { en: { title: HOSTILE, welcome: HOSTILE, replyTime: HOSTILE } },
    },
    {
      appId: 'partner_app',
      name: 'Partner',
      appSecret: 'partner-test-secret-0123456789',
      fullPage: false,
      allowedOrigins: [],
      locales: ['fr'],
      defaultLocale: 'fr',
      accentColor: '#333',
      branding: { fr: { title: 'Partenaire', welcome: 'Bonjour !' } },
    },
  ],
};

const parse = parseHtml;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** What the HTML parser makes of a string written as text: line breaks normalized, NUL replaced. */
const asParsed = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');

/**
 * The page's scripts once the server wrote the first screen: the config as a JSON data block (never executed) and the
 * loader that starts the page's entry after the first paint, nothing else; the entry is the one index.html named.
 */
function scriptProblems(document: Document, entry: string): string[] {
  const problems: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    const isData = script.id === INLINED_CONFIG_ID && script.getAttribute('type') === 'application/json';
    const isLoader = script.textContent === ENTRY_LOADER && !script.hasAttribute('type') && script.getAttribute('data-entry') === entry;
    if (!isData && !isLoader) problems.push(`script ${script.outerHTML.slice(0, 120)}`);
  }
  if (document.querySelectorAll('script').length !== 2) problems.push(`${document.querySelectorAll('script').length} scripts`);
  return problems;
}

function screenProblems(document: Document): string[] {
  const problems: string[] = [];
  for (const element of document.querySelectorAll('#app *')) {
    if (!SCREEN_TAGS.has(element.localName)) problems.push(`element <${element.localName}>`);
    for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) problems.push(`attribute ${attribute.name}`);
  }
  return problems;
}

describe('the first screen of every naughty string', () => {
  const index: StaticFile = { body: Buffer.from(PAGE_INDEX), contentType: 'text/html; charset=utf-8', etag: 'W/"test"', compressible: true, encoded: {} };

  // Twenty strings at a time (a page per string takes minutes to parse on a busy machine): joined, they are as hostile.
  const batches = Array.from({ length: Math.ceil(NAUGHTY.length / 20) }, (_, i) => NAUGHTY.slice(i * 20, i * 20 + 20).join(' \u2063 '));

  it('is text in the page, never markup, and data in the inlined config, which the page reads back as it was', () => {
    for (const text of batches) {
      const config: AppConfig = {
        appId: 'demo_app',
        name: text,
        locales: ['en'],
        defaultLocale: 'en',
        branding: { title: text, accentColor: text, welcome: text, replyTime: text, quickReplies: [text], logoUrl: text },
        team: [{ name: text, avatarUrl: text }],
      };
      const page = pageWithFirstScreen(index, config, 'en', false);
      expect(page, text).toBeDefined();
      const document = parse(page!.file.body.toString('utf8'));
      expect(document.querySelector('h1')?.textContent, text).toBe(asParsed(text));
      expect(document.querySelector('title')?.textContent, text).toBe(asParsed(text));
      expect(document.querySelector('.welcome__message')?.textContent ?? '', text).toBe(asParsed(text));
      expect(scriptProblems(document, '/src/main.tsx'), text).toEqual([]);
      expect(screenProblems(document), text).toEqual([]);
      expect(readInlinedConfig(document, 'demo_app', 'en'), text).toEqual(config);
    }
  });
});

describe('the chat page with its first screen', () => {
  let server: TestServer;
  let dist: ReturnType<typeof createFakeDist>;
  beforeAll(async () => {
    dist = createFakeDist();
    writeFileSync(join(dist.distDir, 'direct/index.html'), PAGE_INDEX);
    const appsFile = join(dist.root, 'apps.json');
    writeFileSync(appsFile, JSON.stringify(apps));
    for (const locale of ['en', 'de']) writeFileSync(join(dist.distDir, `direct/assets/locale-${locale}-Xy12.js`), 'export default {};');
    server = await startTestServer({ distDir: dist.distDir, appsFile });
  });
  afterAll(async () => {
    await server.destroy();
    rmSync(dist.root, { recursive: true, force: true });
  });

  it('draws the header and welcome in the language of the link, inert until the page takes over', async () => {
    const response = await fetch(`${server.url}/direct/demo_app?lang=de`);
    expect(response.status).toBe(200);
    const document = parse(await response.text());
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe('Demo Shop Kundenservice');
    const screen = document.querySelector('#app > .app-root')!;
    expect(screen.hasAttribute('inert')).toBe(true);
    expect(screen.getAttribute('style')).toContain('--accent:#1a4f9f');
    expect(screen.querySelector('h1.chat-header__title')?.textContent).toBe('Demo Shop Kundenservice');
    expect(screen.querySelector('.welcome__message')?.textContent).toBe('Hallo!');
    // The page's own German: its skip link and message box label.
    expect(screen.querySelector('.skip-link')?.textContent).toBe(JSON.parse(readFileSync('locales/de/chat.json', 'utf8')).page.skipToComposer);
    expect(document.querySelector('.skeleton')).toBeNull();
    expect(document.querySelectorAll('h1')).toHaveLength(1);
  });

  it('holds its first frame until the whole first screen is parsed, so that screen is painted at once', async () => {
    const document = parse(await (await fetch(`${server.url}/direct/demo_app?lang=de`)).text());
    // Chromium lifts a rel=expect block when its target is inserted, not when it is closed: the target must come after
    // the first screen, not hold it. Otherwise a busy parser can yield mid-screen and the header paints alone.
    const expectLinks = document.head.querySelectorAll('link[rel=expect][blocking~=render]');
    expect(expectLinks).toHaveLength(1);
    const target = document.getElementById(expectLinks[0]!.getAttribute('href')!.replace(/^#/, ''))!;
    const screen = document.getElementById('app')!;
    expect(screen.querySelector('.welcome__message')).not.toBeNull();
    expect(target).not.toBeNull();
    expect(screen.contains(target)).toBe(false);
    expect(screen.compareDocumentPosition(target) & screen.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('guesses the language as the page will: Accept-Language, else English; the app\'s default branding where it has none', async () => {
    const german = parse(await (await fetch(`${server.url}/direct/demo_app`, { headers: { 'Accept-Language': 'de-AT,de;q=0.9' } })).text());
    expect(german.documentElement.lang).toBe('de');
    expect(german.querySelector('h1')?.textContent).toBe('Demo Shop Kundenservice');
    const english = parse(await (await fetch(`${server.url}/direct/demo_app`)).text());
    expect(english.documentElement.lang).toBe('en');
    expect(english.querySelector('.chat-header__subtitle')?.textContent).toBe('Usually replies in a few minutes');
    const japanese = parse(await (await fetch(`${server.url}/direct/demo_app?lang=ja`)).text());
    expect(japanese.documentElement.lang).toBe('ja');
    expect(japanese.querySelector('h1')?.textContent).toBe('Demo Shop Support');
    expect(japanese.querySelector('.skip-link')?.textContent).toBe(JSON.parse(readFileSync('locales/ja/chat.json', 'utf8')).page.skipToComposer);
  });

  it('allows exactly its style attributes and its one inline script in the page policy', async () => {
    const response = await fetch(`${server.url}/direct/demo_app?lang=en`);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy')!;
    const styleSrc = csp.split(';').find((part) => part.trim().startsWith('style-src'))!;
    const styles = [...parse(html).querySelectorAll('#app [style]')].map((element) => element.getAttribute('style')!);
    expect(styles.length).toBeGreaterThan(1);
    expect(styleSrc).toContain("'unsafe-hashes'");
    for (const style of styles) expect(styleSrc).toContain(sha256(style));
    expect(csp).toContain(`script-src 'self' ${sha256(ENTRY_LOADER)};`);
    expect(parse(html).querySelectorAll('#app script')).toHaveLength(0);
    expect(scriptProblems(parse(html), '/src/main.tsx')).toEqual([]);
  });

  it('varies by language for caches: its own ETag per language, revalidated, 304 when unchanged', async () => {
    const english = await fetch(`${server.url}/direct/demo_app?lang=en`);
    const german = await fetch(`${server.url}/direct/demo_app?lang=de`);
    expect(english.headers.get('cache-control')).toBe('no-cache');
    expect(english.headers.get('vary')).toContain('Accept-Language');
    expect(english.headers.get('vary')).toContain('Accept-Encoding');
    const etag = english.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(german.headers.get('etag')).not.toBe(etag);
    const fromBrowserLanguage = await fetch(`${server.url}/direct/demo_app`, { headers: { 'Accept-Language': 'de' } });
    expect(fromBrowserLanguage.headers.get('etag')).toBe(german.headers.get('etag'));
    const again = await fetch(`${server.url}/direct/demo_app?lang=en`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const otherLanguage = await fetch(`${server.url}/direct/demo_app?lang=de`, { headers: { 'If-None-Match': etag } });
    expect(otherLanguage.status).toBe(200);
  });

  it('writes hostile strings as text, and the page keeps working', async () => {
    const response = await fetch(`${server.url}/direct/hostile_app`);
    expect(response.status).toBe(200);
    const document = parse(await response.text());
    expect(document.title).toBe(HOSTILE);
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE);
    expect(document.querySelector('.welcome__message')?.textContent).toBe(HOSTILE);
    expect(scriptProblems(document, '/src/main.tsx')).toEqual([]);
    expect(screenProblems(document)).toEqual([]);
    expect(readInlinedConfig(document, 'hostile_app', 'en')?.branding.welcome).toBe(HOSTILE);
  });

  it('carries the config it was drawn with and starts the entry and its language file after the paint, announcing nothing ahead', async () => {
    const response = await fetch(`${server.url}/direct/demo_app`, { headers: { 'Accept-Language': 'de' } });
    expect(response.headers.get('link')).toBeNull();
    const html = await response.text();
    const document = parse(html);
    expect(document.querySelector('script[type=module]')).toBeNull();
    const loader = [...document.querySelectorAll('script')].find((script) => script.textContent === ENTRY_LOADER)!;
    expect(loader.getAttribute('data-entry')).toBe('/src/main.tsx');
    expect(loader.getAttribute('data-preload')).toBe('/direct/assets/locale-de-Xy12.js');
    const config = readInlinedConfig(document, 'demo_app', 'de');
    expect(config).toEqual(await (await fetch(`${server.url}/api/apps/demo_app/config?locale=de`)).json());
    // For another app or language the page asks for its own.
    expect(readInlinedConfig(document, 'demo_app', 'en')).toBeUndefined();
    expect(readInlinedConfig(document, 'other_app', 'de')).toBeUndefined();
  });

  it('writes the config so that no string ends its script element or reads as markup', async () => {
    const html = await (await fetch(`${server.url}/direct/hostile_app`)).text();
    const block = new RegExp(`<script type="application/json" id="${INLINED_CONFIG_ID}">([^]*?)</script>`).exec(html)![1]!;
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(block).config.branding.title).toBe(HOSTILE);
  });

  it('has a close button in the embed frame only', async () => {
    const framed = parse(await (await fetch(`${server.url}/direct/demo_app?embed=1`)).text());
    const page = parse(await (await fetch(`${server.url}/direct/demo_app`)).text());
    expect(framed.querySelectorAll('.chat-header button')).toHaveLength(2);
    expect(page.querySelectorAll('.chat-header button')).toHaveLength(1);
  });

  it('is the plain page for an unknown app, a page turned off, or an address below the chat', async () => {
    for (const path of ['/direct/no_such_app', '/direct/partner_app', '/direct/demo_app/more', '/elsewhere']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBeLessThan(500);
      const document = parse(await response.text());
      expect(document.querySelector('#app .skeleton'), path).not.toBeNull();
      expect(document.querySelector('#app .app-root'), path).toBeNull();
      expect(document.getElementById(INLINED_CONFIG_ID), path).toBeNull();
      expect(response.headers.get('content-security-policy'), path).toContain("script-src 'self';");
      expect(response.headers.get('content-security-policy'), path).not.toContain('unsafe-hashes');
    }
  });

  it('is the plain page when index.html has no place for it', async () => {
    writeFileSync(join(dist.distDir, 'direct/index.html'), PAGE_INDEX.replace(/<!--\s*\/?first-screen[^>]*-->/g, ''));
    try {
      const response = await fetch(`${server.url}/direct/demo_app`);
      expect(response.status).toBe(200);
      expect(parse(await response.text()).querySelector('#app .skeleton')).not.toBeNull();
    } finally {
      writeFileSync(join(dist.distDir, 'direct/index.html'), PAGE_INDEX);
    }
  });
});
