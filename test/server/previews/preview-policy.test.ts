import { describe, expect, it } from 'vitest';
import { linkify } from '../../../src/chat/linkify';
import { previewCacheKey, previewExpiresAt, PREVIEW_FAILURE_TTL_MS, PREVIEW_HIT_TTL_MS } from '../../../server/previews/preview-cache-policy';
import { DEFAULT_PREVIEW_SETTINGS, hostMatches, normalizeDomain, previewUrlFor, type PreviewSettings } from '../../../server/previews/preview-policy';
import { parseUnfurlAllow, UnfurlAllowError } from '../../../server/previews/unfurl-allow';

const settings = (overrides: Partial<PreviewSettings> = {}): PreviewSettings => ({ ...DEFAULT_PREVIEW_SETTINGS, ...overrides });

describe('previewUrlFor', () => {
  it('takes the first link the page shows, as linkify finds it', () => {
    const text = 'Look at https://shop.example/a. Or（https://shop.example/b）and http://other.example/c';
    expect(previewUrlFor(text, 'agent', settings())).toBe('https://shop.example/a');
    const japanese = '見て https://shop.example/商品。ありがとう';
    const pageLink = linkify(japanese).find((segment) => segment.kind === 'link');
    expect(previewUrlFor(japanese, 'agent', settings())).toBe(pageLink?.kind === 'link' ? pageLink.href : 'no link');
    expect(pageLink?.text).toBe('https://shop.example/商品');
    expect(previewUrlFor('no links here, www.example.com is not one', 'agent', settings())).toBeUndefined();
    expect(previewUrlFor('ftp://files.example/x javascript:alert(1)', 'agent', settings())).toBeUndefined();
  });

  it('previews nothing when the app turned previews off, and never system messages', () => {
    expect(previewUrlFor('https://shop.example/', 'agent', settings({ enabled: false }))).toBeUndefined();
    expect(previewUrlFor('https://shop.example/', 'system', settings())).toBeUndefined();
  });

  it('previews agents\u2019 links unless denied, within a non-empty allow list', () => {
    const deny = settings({ denyDomains: ['tracker.example'] });
    expect(previewUrlFor('https://tracker.example/x', 'agent', deny)).toBeUndefined();
    expect(previewUrlFor('https://a.tracker.example/x https://ok.example/', 'agent', deny)).toBe('https://ok.example/');
    const allow = settings({ allowDomains: ['shop.example'] });
    expect(previewUrlFor('https://other.example/', 'agent', allow)).toBeUndefined();
    expect(previewUrlFor('https://www.shop.example/', 'agent', allow)).toBe('https://www.shop.example/');
    expect(previewUrlFor('https://www.shop.example/', 'agent', { ...allow, denyDomains: ['www.shop.example'] })).toBeUndefined();
  });

  it('previews visitors\u2019 links only for allow-listed hosts', () => {
    expect(previewUrlFor('https://shop.example/', 'visitor', settings())).toBeUndefined();
    const allow = settings({ allowDomains: ['shop.example'] });
    expect(previewUrlFor('https://evil.example/ https://shop.example/p', 'visitor', allow)).toBe('https://shop.example/p');
    expect(previewUrlFor('https://badshop.example/', 'visitor', allow)).toBeUndefined();
    expect(previewUrlFor('https://SHOP.example./p', 'visitor', allow)).toBe('https://shop.example./p');
  });

  it('skips links that carry credentials', () => {
    expect(previewUrlFor('https://user:pw@shop.example/ https://shop.example/ok', 'agent', settings())).toBe('https://shop.example/ok');
  });
});

describe('domains', () => {
  it('matches a domain and its subdomains only', () => {
    expect(hostMatches('shop.example', 'shop.example')).toBe(true);
    expect(hostMatches('a.b.shop.example', 'shop.example')).toBe(true);
    expect(hostMatches('badshop.example', 'shop.example')).toBe(false);
  });

  it('normalizes config entries to URL host names, refusing anything else', () => {
    expect(normalizeDomain(' Shop.Example. ')).toBe('shop.example');
    expect(normalizeDomain('bücher.example')).toBe('xn--bcher-kva.example');
    for (const bad of ['', 'https://shop.example', 'shop.example/path', 'shop.example:443', 'user@shop.example', 'intranet', '*.example']) {
      expect(normalizeDomain(bad), bad).toBeUndefined();
    }
  });
});

describe('cache policy', () => {
  it('keeps hits about a day and failures about an hour, per page without its fragment', () => {
    expect(previewExpiresAt('hit', 1_000)).toBe(1_000 + PREVIEW_HIT_TTL_MS);
    expect(previewExpiresAt('failure', 1_000)).toBe(1_000 + PREVIEW_FAILURE_TTL_MS);
    expect(PREVIEW_HIT_TTL_MS / PREVIEW_FAILURE_TTL_MS).toBe(24);
    expect(previewCacheKey('https://Shop.example/a?b=1#top')).toBe('https://shop.example/a?b=1');
  });
});

describe('DIRECT_CHAT_UNFURL_ALLOW', () => {
  it('is off unless set', () => {
    for (const value of [undefined, '', ' , ']) {
      const allow = parseUnfurlAllow(value);
      expect(allow.permits('127.0.0.1', '127.0.0.1', 5555)).toBe(false);
      expect(allow.hasPort(5555)).toBe(false);
    }
  });

  it('permits exactly the pairs named, addresses in any spelling', () => {
    const allow = parseUnfurlAllow('127.0.0.1:5555, [::1]:5556, site.test:5557');
    expect(allow.permits('name.test', '127.0.0.1', 5555)).toBe(true);
    expect(allow.permits('name.test', '127.0.0.1', 5556)).toBe(false);
    expect(allow.permits('name.test', '127.0.0.2', 5555)).toBe(false);
    expect(allow.permits('x', '0:0:0:0:0:0:0:1', 5556)).toBe(true);
    expect(allow.permits('x', '::ffff:127.0.0.1', 5555)).toBe(false);
    expect(allow.permits('SITE.test', '10.0.0.1', 5557)).toBe(true);
  });

  it('refuses anything that is not a host:port pair', () => {
    for (const bad of ['127.0.0.1', '127.0.0.1:', ':5555', '127.0.0.1:0', '127.0.0.1:70000', 'http://127.0.0.1:5555', '::1:5555']) {
      expect(() => parseUnfurlAllow(bad), bad).toThrow(UnfurlAllowError);
    }
  });
});
