import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, type GuardedFetchOptions } from '../../../server/previews/guarded-fetch';
import { decodeHtml } from '../../../server/previews/decode-html';
import { MAX_HTML_BYTES } from '../../../server/previews/unfurl-link';
import { parseUnfurlAllow } from '../../../server/previews/unfurl-allow';
import { expectRefusal } from './support/expect-refusal';
import { ARTICLE_TITLE, startPreviewTestSite, type PreviewTestSite } from './support/preview-test-site';
import { selfSignedCertificate } from './support/self-signed';

// What the fetcher accepts from a site it may reach: sizes, encodings, content types, statuses, TLS.
let site: PreviewTestSite;
let tlsSite: PreviewTestSite;
let certificate: { key: string; cert: string };

beforeAll(async () => {
  certificate = selfSignedCertificate('site.test');
  site = await startPreviewTestSite();
  tlsSite = await startPreviewTestSite({ tls: certificate });
});
afterAll(async () => {
  await site.close();
  await tlsSite.close();
});

const fetchHtml = (url: string, extra: Partial<GuardedFetchOptions> = {}) =>
  guardedFetch(url, {
    accept: ['text/html'],
    maxBytes: MAX_HTML_BYTES,
    overflow: 'truncate',
    allow: parseUnfurlAllow(`127.0.0.1:${site.port},127.0.0.1:${tlsSite.port}`),
    ...extra,
  });

describe('bodies', () => {
  it('reads at most 512 KB of a huge page and keeps its head', async () => {
    const fetched = await fetchHtml(`${site.origin}/huge`);
    expect(fetched.truncated).toBe(true);
    expect(fetched.body.length).toBe(MAX_HTML_BYTES);
    expect(fetched.body.toString()).toContain('<title>Huge page</title>');
  });

  it('counts the decompressed size, so a small gzip of 64 MB stops at 512 KB', async () => {
    const fetched = await fetchHtml(`${site.origin}/gzip-bomb`);
    expect(fetched).toMatchObject({ truncated: true });
    expect(fetched.body.length).toBe(MAX_HTML_BYTES);
    expect((await fetchHtml(`${site.origin}/gzip`)).body.toString()).toContain('<title>Zipped</title>');
    await expectRefusal(fetchHtml(`${site.origin}/compress`), 'content_encoding');
  });

  it('refuses a body over the limit when the caller cannot use a part of it', async () => {
    await expectRefusal(fetchHtml(`${site.origin}/huge`, { overflow: 'refuse' }), 'too_large');
    await expectRefusal(fetchHtml(`${site.origin}/gzip-bomb`, { overflow: 'refuse' }), 'too_large');
  });

  it('accepts only the media types asked for, and only 200', async () => {
    for (const path of ['/json', '/no-type', '/xhtml', '/images/photo.png']) {
      await expectRefusal(fetchHtml(`${site.origin}${path}`), 'content_type');
    }
    await expectRefusal(fetchHtml(`${site.origin}/missing`), 'status');
  });

  it('decodes the charset the server names', async () => {
    const fetched = await fetchHtml(`${site.origin}/latin1`);
    expect(fetched.charset).toBe('iso-8859-1');
    expect(decodeHtml(fetched.body, fetched.charset)).toContain('<title>Café crème</title>');
    expect(decodeHtml(Buffer.from('<meta charset="windows-1251"><title>\xcf\xf0\xe8\xe2\xe5\xf2</title>', 'latin1'))).toContain('Привет');
    expect(decodeHtml(Buffer.from('<title>x</title>'), 'no-such-charset')).toBe('<title>x</title>');
  });
});

describe('HTTPS', () => {
  const siteTest = async () => [{ address: '127.0.0.1', family: 4 as const }];

  it('verifies the certificate for the name while connecting to the checked address', async () => {
    const url = `https://site.test:${tlsSite.port}/article`;
    const fetched = await fetchHtml(url, { resolve: siteTest, ca: certificate.cert });
    expect(fetched.body.toString()).toContain(ARTICLE_TITLE);
    expect(tlsSite.requests.at(-1)?.headers.host).toBe(`site.test:${tlsSite.port}`);
    await expectRefusal(fetchHtml(url, { resolve: siteTest }), 'network');
    const otherName = async () => [{ address: '127.0.0.1', family: 4 as const }];
    await expectRefusal(fetchHtml(`https://other.test:${tlsSite.port}/article`, { resolve: otherName, ca: certificate.cert }), 'network');
  });
});
