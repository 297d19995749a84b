import { describe, expect, it } from 'vitest';
import { IDENTITY_KEYS, parseDirectLink } from '../../../src/link/direct-link';
import { dropChatLink, scrubIdentity } from '../../../src/link/scrub-identity';
import { isValidAppId } from '../../../src/link/app-id';
import { appIdFromPath } from '../../../src/routes';
import { endpoints } from '../../../src/api/endpoints';
import { APP_ID_PATTERN } from '../../../src/api/limits';
import { naughtyStrings } from '../../support/naughty-strings';
import { expectLinkContract } from './support/link-invariants';
import { PAGE_URL, appRequests, sessionRequests, staysInAppPath, staysInSessionPath } from './support/request-urls';

const SIGNED = { sbs: 'customer-42', sbs_mm: '0123456789abcdef0123456789abcdef', ranstr: 'abcdefghijklmnop' };
const PARAMETERS = ['direct', 'chatid', 'chat_id', 'lang', ...IDENTITY_KEYS, 'utm_source', '__proto__'];
const BASES = ['/api', 'https://api.example.com/v1'];

describe('the Big List of Naughty Strings', () => {
  it('is there to test with', () => {
    expect(naughtyStrings.length).toBeGreaterThan(500);
  });

  it('as any parameter value, encoded or raw, gives a link that keeps the contract', () => {
    for (const naughty of naughtyStrings) {
      for (const key of PARAMETERS) {
        const encoded = `?${new URLSearchParams({ direct: '1', ...SIGNED, [key]: naughty })}`;
        const raw = `?direct=1&${new URLSearchParams(SIGNED)}&${key}=${naughty}`;
        for (const search of [encoded, raw]) expectLinkContract(search, parseDirectLink(search));
      }
    }
  });

  it('as a parameter name, encoded or raw, gives a link that keeps the contract', () => {
    for (const naughty of naughtyStrings) {
      for (const search of [`?${encodeURIComponent(naughty)}=v&${new URLSearchParams(SIGNED)}`, `?${naughty}=v`, naughty]) {
        expectLinkContract(search, parseDirectLink(search));
      }
    }
  });

  it('in a page address: scrubbing removes every identity parameter and keeps the other values and the hash', () => {
    for (const naughty of naughtyStrings) {
      const params = new URLSearchParams([['utm', naughty], ['sbs', naughty], ['name', naughty], ['email', 'a@b.c']]);
      const href = `${PAGE_URL}?${params}#${encodeURIComponent(naughty)}`;
      const scrubbed = new URL(scrubIdentity(href));
      expect(IDENTITY_KEYS.filter((key) => scrubbed.searchParams.has(key))).toEqual([]);
      expect(scrubbed.searchParams.get('utm')).toBe(naughty);
      expect(scrubbed.hash).toBe(new URL(href).hash);
      expect(`${scrubbed.origin}${scrubbed.pathname}`).toBe(PAGE_URL);

      const rawHref = `${PAGE_URL}?sbs=${naughty}&name=${naughty}&direct=1&chatid=${naughty}`;
      const rawScrubbed = new URL(dropChatLink(scrubIdentity(rawHref)));
      expect(`${rawScrubbed.origin}${rawScrubbed.pathname}`).toBe(PAGE_URL);
      for (const key of [...IDENTITY_KEYS, 'direct', 'chatid', 'chat_id']) expect(rawScrubbed.searchParams.has(key)).toBe(false);
    }
  });

  it('in a path: appIdFromPath gives a valid app id or nothing', () => {
    for (const naughty of naughtyStrings) {
      for (const path of [`/direct/${encodeURIComponent(naughty)}`, `/direct/${naughty}`, `/direct/${naughty}/`]) {
        const appId = appIdFromPath(path);
        if (appId !== undefined) expect(appId).toMatch(APP_ID_PATTERN);
      }
    }
  });

  it('as an app id: every request encodes it as one path segment; an id the page accepts stays on the base', () => {
    for (const naughty of naughtyStrings) {
      for (const base of BASES) {
        for (const [suffix, query, request] of appRequests({ base, appId: naughty })) {
          expect(request.url).toBe(`${base}/apps/${encodeURIComponent(naughty)}${suffix}${query}`);
          if (isValidAppId(naughty)) expect(staysInAppPath(request.url, base, suffix, query)).toBe(true);
        }
      }
    }
  });

  it('as a session id: no request leaves its session path (or the builder refuses the id)', () => {
    const escapes: string[] = [];
    for (const naughty of naughtyStrings) {
      for (const base of BASES) {
        let requests;
        try {
          requests = sessionRequests({ base, appId: 'acme' }, naughty);
        } catch {
          continue;
        }
        for (const [suffix, request] of requests) {
          if (!staysInSessionPath(request.url, base, suffix)) escapes.push(`${JSON.stringify(naughty)} → ${request.url}`);
        }
      }
    }
    expect(escapes).toEqual([]);
  });

  it('as message text: the body is JSON that gives the text back exactly', () => {
    for (const naughty of naughtyStrings) {
      const request = endpoints.sendMessage({ base: '/api', appId: 'acme' }, 's1', { clientId: 'client-0001', text: naughty });
      expect(JSON.parse(request.body ?? '')).toEqual({ clientId: 'client-0001', text: naughty });
    }
  });
});
