import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemResolver, type HostResolver } from '../../../server/previews/fetch-target';
import { guardedFetch, type GuardedFetchOptions } from '../../../server/previews/guarded-fetch';
import { parseUnfurlAllow } from '../../../server/previews/unfurl-allow';
import { expectRefusal } from './support/expect-refusal';
import { ARTICLE_TITLE, startPreviewTestSite, startSilentServer, type PreviewTestSite } from './support/preview-test-site';

// Every way of pointing the fetcher at the server's own network, with DIRECT_CHAT_UNFURL_ALLOW off and on.
const HTML: Pick<GuardedFetchOptions, 'accept' | 'maxBytes' | 'overflow'> = { accept: ['text/html'], maxBytes: 512 * 1024, overflow: 'truncate' };

const PRIVATE_URLS = [
  'http://127.0.0.1/',
  'http://127.1/',
  'http://2130706433/', // 127.0.0.1 as one decimal number
  'http://0x7f000001/',
  'http://0177.0.0.1/',
  'http://localhost/',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:7f00:1]/',
  'http://[::127.0.0.1]/', // IPv4-compatible, deprecated, still routed to 127.0.0.1
  'http://[::a00:1]/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://10.0.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::ffff:169.254.169.254]/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://100.100.100.200/latest/meta-data/', // carrier-grade NAT range (Alibaba's metadata address)
  'http://100.64.0.1/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://224.0.0.1/',
  'http://[ff02::1]/',
  'http://255.255.255.255/',
  'http://192.0.2.1/', // documentation (reserved)
  'http://240.0.0.1/',
  'http://[64:ff9b::a00:1]/', // NAT64 of 10.0.0.1
  'http://[2002:a00:1::]/', // 6to4 of 10.0.0.1
  'https://127.0.0.1/',
  'https://[::1]:443/',
];

// DNS answers a public name might give (the machine has no DNS of its own): the fetcher must check every address,
// not only the first. Other names (localhost) go to the system resolver.
const fakeDns: Record<string, string[]> = {
  'public.test': ['93.184.216.34'],
  'mixed.test': ['93.184.216.34', '10.0.0.1'],
  'mixed6.test': ['2606:4700::1111', 'fd00::1'],
  'mapped.test': ['::ffff:169.254.169.254'],
  'metadata.test': ['169.254.169.254'],
};
const resolve: HostResolver = async (hostname) => {
  const answer = fakeDns[hostname];
  if (!answer) return systemResolver(hostname);
  return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

let site: PreviewTestSite;
let trap: Awaited<ReturnType<typeof startSilentServer>>;

beforeAll(async () => {
  site = await startPreviewTestSite();
  trap = await startSilentServer();
});
afterAll(async () => {
  await site.close();
  await trap.close();
});

describe.each([
  ['off', () => parseUnfurlAllow(undefined)],
  ['on', () => parseUnfurlAllow(`127.0.0.1:${site.port}`)],
])('with DIRECT_CHAT_UNFURL_ALLOW %s', (_state, allowList) => {
  const fetchHtml = (url: string) => guardedFetch(url, { ...HTML, allow: allowList(), resolve });

  it('fetches the test site only when its pair is allowed', async () => {
    const attempt = fetchHtml(`${site.origin}/article`);
    if (allowList().hasPort(site.port)) expect((await attempt).body.toString()).toContain(ARTICLE_TITLE);
    else await expectRefusal(attempt, 'port');
  });

  it.each(PRIVATE_URLS)('refuses %s before connecting', async (url) => {
    await expectRefusal(fetchHtml(url), 'address');
  });

  it.each(['mixed.test', 'mixed6.test', 'mapped.test', 'metadata.test'])('refuses a name with a private address: %s', async (host) => {
    await expectRefusal(fetchHtml(`http://${host}/`), 'address');
  });

  it('refuses other schemes, credentials, other ports and names that do not resolve', async () => {
    for (const url of ['ftp://public.test/', 'file:///etc/passwd', 'gopher://public.test/', 'data:text/html,<title>x</title>', 'javascript:alert(1)', 'not a url']) {
      await expectRefusal(fetchHtml(url), 'unsupported_scheme');
    }
    await expectRefusal(fetchHtml('http://user:secret@public.test/'), 'credentials');
    await expectRefusal(fetchHtml('https://token@public.test/'), 'credentials');
    for (const url of ['http://public.test:8080/', 'https://public.test:8443/', 'http://public.test:22/', `http://127.0.0.1:${trap.port}/`]) {
      await expectRefusal(fetchHtml(url), 'port');
    }
    await expectRefusal(fetchHtml('http://nowhere.test/'), 'unresolvable');
  });

  it('refuses every redirect from the site to a private or unusual target', async () => {
    const targets: [string, string][] = [
      ['http://169.254.169.254/latest/meta-data/', 'address'],
      ['http://10.0.0.1/', 'address'],
      ['http://127.0.0.1/', 'address'],
      ['http://[::1]/', 'address'],
      [`http://[::ffff:127.0.0.1]:${site.port}/article`, site.port === 80 ? 'address' : 'port'],
      [`http://127.0.0.1:${trap.port}/`, 'port'],
      ['http://mixed.test/', 'address'],
      ['file:///etc/passwd', 'unsupported_scheme'],
      [`http://user:pw@127.0.0.1:${site.port}/article`, 'credentials'],
    ];
    const allowOn = allowList().hasPort(site.port);
    for (const [target, reason] of targets) {
      const url = `${site.origin}/to?u=${encodeURIComponent(target)}`;
      // With the setting off the site itself (a private address on a private port) is refused first.
      await expectRefusal(fetchHtml(url), allowOn ? (reason as never) : 'port');
    }
    expect(trap.connections()).toBe(0);
  });
});

describe('with the test site allowed', () => {
  const allow = () => parseUnfurlAllow(`127.0.0.1:${site.port}, 127.0.0.1:${trap.port}`);
  const fetchHtml = (url: string, extra: Partial<GuardedFetchOptions> = {}) =>
    guardedFetch(url, { ...HTML, allow: allow(), resolve, ...extra });

  it('fetches the allowed pair, and follows up to three redirects, each checked again', async () => {
    const direct = await fetchHtml(`${site.origin}/article`);
    expect(direct.body.toString()).toContain(ARTICLE_TITLE);
    const redirected = await fetchHtml(`${site.origin}/redirect/3`);
    expect(redirected.url).toBe(`${site.origin}/article`);
    await expectRefusal(fetchHtml(`${site.origin}/redirect/4`), 'too_many_redirects');
    await expectRefusal(fetchHtml(`${site.origin}/redirect-no-location`), 'status');
  });

  it('sends no cookies and no credentials, even after a redirect that sets a cookie', async () => {
    const before = site.requests.length;
    await fetchHtml(`${site.origin}/cookie`);
    const [first, second] = site.requests.slice(before);
    expect(second.path).toBe('/echo');
    for (const { headers } of [first, second]) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
      expect(headers['user-agent']).toMatch(/DirectChatLinkPreview/);
    }
  });

  it('connects to the address it checked, not to a second DNS answer (rebinding)', async () => {
    const rebind = await startSilentServer('127.0.0.2', site.port);
    let calls = 0;
    const rebinding: HostResolver = async () => [{ address: ++calls === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    try {
      const fetched = await fetchHtml(`http://rebind.test:${site.port}/echo`, { resolve: rebinding });
      expect(fetched.body.toString()).toContain('<title>Echo</title>');
      expect(site.requests.at(-1)?.headers.host).toBe(`rebind.test:${site.port}`);
      expect(calls).toBe(1);
      expect(rebind.connections()).toBe(0);
    } finally {
      await rebind.close();
    }
  });

  it('gives up on a connection that does not complete within about 2 s', async () => {
    const started = performance.now();
    await expectRefusal(fetchHtml(`https://127.0.0.1:${trap.port}/`), 'connect_timeout');
    expect(performance.now() - started).toBeGreaterThan(1_900);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('gives up on a slow answer after about 5 s in all', async () => {
    const started = performance.now();
    await expectRefusal(fetchHtml(`${site.origin}/slow-body`), 'timeout');
    expect(performance.now() - started).toBeGreaterThan(4_900);
    expect(performance.now() - started).toBeLessThan(6_000);
    await expectRefusal(fetchHtml(`${site.origin}/slow-headers`, { totalTimeoutMs: 300 }), 'timeout');
  }, 10_000);
});
