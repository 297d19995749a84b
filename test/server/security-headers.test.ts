import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api-client';
import { ASSET_JS, CONSOLE_INDEX, createFakeDist, PAGE_INDEX, SECRET_TEXT } from './support/fake-dist';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let scratch: string;
beforeAll(async () => {
  const dist = createFakeDist();
  scratch = dist.root;
  server = await startTestServer({ distDir: dist.distDir });
});
afterAll(async () => {
  await server.destroy();
  rmSync(scratch, { recursive: true, force: true });
});

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

function expectCommonHeaders(headers: Headers) {
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('permissions-policy')).toContain('camera=()');
  expect(headers.get('content-security-policy')).not.toContain('unsafe');
}

/** Sends the path exactly as written (fetch would resolve dot segments first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('security headers', () => {
  it('serve the chat page with a strict CSP framed only by the app’s allowed origins', async () => {
    const page = await call(server.url, '/direct/demo_app?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toBe(PAGE_INDEX);
    expectCommonHeaders(page.headers);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = directives(page.headers.get('content-security-policy'));
    expect(Object.fromEntries(csp)).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' https: data:",
      'connect-src': "'self'",
      'frame-ancestors': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'object-src': "'none'",
    });
    const partner = await call(server.url, '/direct/partner_app/');
    expect(directives(partner.headers.get('content-security-policy')).get('frame-ancestors')).toBe(
      "'self' https://shop.example http://localhost:3000",
    );
    const unknown = await call(server.url, '/direct/nobody');
    expect(directives(unknown.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'self'");
  });

  it('never lets the console be framed', async () => {
    for (const path of ['/console', '/console/', '/console/sessions/123']) {
      const page = await call(server.url, path);
      expect([path, page.status, page.text]).toEqual([path, 200, CONSOLE_INDEX]);
      expectCommonHeaders(page.headers);
      expect(directives(page.headers.get('content-security-policy')).get('frame-ancestors')).toBe("'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('mark API answers no-store and unrenderable, errors included', async () => {
    for (const path of ['/api/apps/demo_app/config', '/api/apps/nope/config', '/api/nothing']) {
      const answer = await call(server.url, path);
      expectCommonHeaders(answer.headers);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
  });

  it('allow the build’s own inline style by hash (from dist/direct/csp.json) and nothing else from that file', async () => {
    const hash = "'sha256-bHHgI8033vOBkAfjf/aQZltUm83IHhtHbIsuCJ6TPEE='";
    const dist = createFakeDist({ cspJson: JSON.stringify({ styleSrc: [hash, "'unsafe-inline'", "* ; script-src *"] }) });
    const other = await startTestServer({ distDir: dist.distDir });
    try {
      const page = await call(other.url, '/direct/demo_app');
      const csp = directives(page.headers.get('content-security-policy'));
      expect(csp.get('style-src')).toBe(`'self' ${hash}`);
      expect(csp.get('script-src')).toBe("'self'");
      expect((await call(other.url, '/console/')).headers.get('content-security-policy')).not.toContain('sha256');
    } finally {
      await other.destroy();
      rmSync(dist.root, { recursive: true, force: true });
    }
  });

  it('add the API origin to connect-src when index.html points the page at another host', async () => {
    const dist = createFakeDist({ apiBase: 'https://api.example.com/v1' });
    const other = await startTestServer({ distDir: dist.distDir });
    try {
      const page = await call(other.url, '/direct/demo_app');
      expect(directives(page.headers.get('content-security-policy')).get('connect-src')).toBe("'self' https://api.example.com");
    } finally {
      await other.destroy();
      rmSync(dist.root, { recursive: true, force: true });
    }
  });
});

describe('static files', () => {
  it('redirects / to the first app', async () => {
    const response = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/direct/demo_app');
    expectCommonHeaders(response.headers);
  });

  it('serves hashed assets immutable, compressed when asked, with ETag revalidation', async () => {
    const plain = await fetch(`${server.url}/direct/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(ASSET_JS);
    expectCommonHeaders(plain.headers);

    for (const [encoding, decode] of [['gzip', gunzipSync], ['br', brotliDecompressSync]] as const) {
      const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        const request = httpRequest(
          { host: '127.0.0.1', port: server.port, path: '/direct/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': encoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
          },
        );
        request.on('error', reject);
        request.end();
      });
      expect(raw.encoding).toBe(encoding);
      expect(raw.body.length).toBeLessThan(ASSET_JS.length);
      expect(decode(raw.body).toString('utf8')).toBe(ASSET_JS);
    }

    const etag = plain.headers.get('etag')!;
    const again = await fetch(`${server.url}/direct/assets/index-Ab12Cd34.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves other files from the page with revalidation, and the SPA entry for any other /direct path', async () => {
    const icon = await call(server.url, '/direct/favicon.svg');
    expect([icon.status, icon.headers.get('content-type'), icon.headers.get('cache-control')]).toEqual([200, 'image/svg+xml', 'no-cache']);
    for (const path of ['/direct', '/direct/', '/direct/demo_app', '/direct/index.html', '/direct/demo_app/extra/segments']) {
      const page = await call(server.url, path);
      expect([path, page.status, page.text]).toEqual([path, 200, PAGE_INDEX]);
    }
  });

  it('answers 404 with the page (for the SPA’s translated not-found) on unknown paths, and 404 for missing assets', async () => {
    for (const path of ['/nope', '/direct-chat', '/favicon.ico', '/secret.txt']) {
      const page = await call(server.url, path);
      expect([path, page.status, page.text]).toEqual([path, 404, PAGE_INDEX]);
      expectCommonHeaders(page.headers);
    }
    const asset = await call(server.url, '/direct/assets/missing-123.js');
    expect([asset.status, asset.body.error.code]).toEqual([404, 'not_found']);
  });

  it('never serves a file outside the built directories', async () => {
    for (const path of [
      '/direct/../secret.txt',
      '/direct/../../secret.txt',
      '/direct/..%2f..%2fsecret.txt',
      '/direct/%2e%2e/%2e%2e/secret.txt',
      '/direct/assets/..%5c..%5c..%5csecret.txt',
      '/direct/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt',
      '/console/../secret.txt',
      '/console/..%2f..%2fsecret.txt',
      '/direct/secret.txt%00.js',
      '/direct/.hidden',
      '/direct//etc/passwd',
    ]) {
      const answer = await rawGet(path);
      expect(answer.body).not.toContain(SECRET_TEXT);
      expect(answer.body).not.toContain('hidden');
      expect([200, 400, 404]).toContain(answer.status);
    }
  });

  it('answers 405 to other methods and serves HEAD without a body', async () => {
    const post = await call(server.url, '/direct/demo_app', { method: 'POST', body: {} });
    expect([post.status, post.body.error.code, post.headers.get('allow')]).toEqual([405, 'method_not_allowed', 'GET, HEAD']);
    const head = await fetch(`${server.url}/direct/demo_app`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('without a build', () => {
  it('still serves the API, and says the page is not built', async () => {
    const bare = await startTestServer();
    try {
      expect((await call(bare.url, '/api/apps/demo_app/config')).status).toBe(200);
      const page = await call(bare.url, '/direct/demo_app');
      expect([page.status, page.body.error.code]).toEqual([404, 'not_found']);
      expectCommonHeaders(page.headers);
    } finally {
      await bare.destroy();
    }
  });
});
