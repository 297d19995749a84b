import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, cleanText, extractMetadata } from '../../../server/previews/extract-metadata';
import { PREVIEW_TEXT_LIMITS } from '../../../server/previews/page-preview';

const PAGE = 'https://shop.example/spring/linen?ref=chat';
const html = (head: string) => `<!doctype html><html><head>${head}</head><body><h1>Body heading</h1></body></html>`;
const extract = (head: string) => extractMetadata(html(head), PAGE, 'https://shop.example/s');

describe('extractMetadata', () => {
  it('reads Open Graph title, description, site name and image', async () => {
    const preview = await extract(`<title>Fallback</title>
      <meta property="og:title" content="Linen shirts">
      <meta property="og:description" content="Light &amp; airy.">
      <meta property="og:site_name" content="Demo Shop">
      <meta property="og:image" content="../img/shirt.jpg">`);
    expect(preview).toEqual({
      url: 'https://shop.example/s',
      title: 'Linen shirts',
      description: 'Light & airy.',
      siteName: 'Demo Shop',
      imageUrl: 'https://shop.example/img/shirt.jpg',
    });
  });

  it('falls back to Twitter cards, then to <title> and the meta description', async () => {
    expect(await extract('<meta name="twitter:title" content="Tweet"><meta name="twitter:description" content="d"><meta name="twitter:image" content="//cdn.example/i.png">'))
      .toEqual({ url: 'https://shop.example/s', title: 'Tweet', description: 'd', imageUrl: 'https://cdn.example/i.png' });
    expect(await extract('<title>Plain</title><meta name="description" content="Only HTML.">'))
      .toEqual({ url: 'https://shop.example/s', title: 'Plain', description: 'Only HTML.' });
  });

  it('gives nothing for a page without any title, or for no HTML at all', async () => {
    expect(await extract('<meta name="description" content="no title">')).toBeUndefined();
    expect(await extractMetadata('', PAGE, PAGE)).toBeUndefined();
    expect(await extractMetadata('\u0000\u0001 not html', PAGE, PAGE)).toBeUndefined();
  });

  it('keeps only http(s) images without credentials', async () => {
    for (const image of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'https://user:pw@cdn.example/i.png', `https://cdn.example/${'a'.repeat(2100)}`]) {
      const preview = await extract(`<meta property="og:title" content="T"><meta property="og:image" content="${image}">`);
      expect(preview?.imageUrl, image).toBeUndefined();
    }
    const second = await extract('<meta property="og:title" content="T"><meta property="og:image" content="javascript:x"><meta name="twitter:image" content="/ok.png">');
    expect(second?.imageUrl).toBe('https://shop.example/ok.png');
  });

  it('makes every text one bounded line without controls or bidi overrides', async () => {
    const preview = await extract(`<meta property="og:title" content="  Two\n\n lines\u202e\u0007 ">
      <meta property="og:description" content="${'long '.repeat(200)}">
      <meta property="og:site_name" content="<script>alert(1)</script>">`);
    expect(preview?.title).toBe('Two lines');
    expect(Array.from(preview?.description ?? '')).toHaveLength(PREVIEW_TEXT_LIMITS.description);
    expect(preview?.description?.endsWith('…')).toBe(true);
    expect(preview?.siteName).toBe('<script>alert(1)</script>'); // text: the page renders it as text
  });
});

describe('cleanText and absoluteHttpUrl', () => {
  it('cuts by code points without splitting an emoji', () => {
    expect(cleanText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
    expect(cleanText('   ', 5)).toBeUndefined();
    expect(cleanText(undefined, 5)).toBeUndefined();
  });

  it('resolves against the page and refuses everything else', () => {
    expect(absoluteHttpUrl(' /a b.png ', PAGE)).toBe('https://shop.example/a%20b.png');
    expect(absoluteHttpUrl('http://[::1', PAGE)).toBeUndefined();
    expect(absoluteHttpUrl('vbscript:x', PAGE)).toBeUndefined();
  });
});
