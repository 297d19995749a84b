import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../server/http/read-json-body';
import { call, newVisitor } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

describe('body limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.destroy());

  const padded = (bytes: number) => {
    const start = '{"locale":"en","vars":{"a":"';
    return `${start}${'x'.repeat(bytes - start.length - 3)}"}}`;
  };

  it('answers 413 payload_too_large for a declared body over 16 KiB', async () => {
    const body = padded(MAX_JSON_BODY_BYTES + 1);
    expect(Buffer.byteLength(body)).toBe(16 * 1024 + 1);
    const answer = await call(server.url, '/api/apps/demo_app/visitors', { body });
    expect([answer.status, answer.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('answers 413 for a chunked body that grows past the limit, and keeps serving', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/apps/demo_app/visitors', headers: { 'content-type': 'application/json' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      for (let i = 0; i < 20; i++) request.write('x'.repeat(1024));
      request.end();
    });
    expect(status).toBe(413);
    expect((await call(server.url, '/api/apps/demo_app/config')).status).toBe(200);
  });

  it('reads a body of exactly 16 KiB (then judges its content)', async () => {
    const answer = await call(server.url, '/api/apps/demo_app/visitors', { body: padded(MAX_JSON_BODY_BYTES) });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_request']); // the var is too long, not the body
  });
});

describe('rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimitPerMinute: 5 });
  });
  afterAll(() => server.destroy());

  it('answers 429 rate_limited with Retry-After once a client exceeds its budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(server.url, '/api/apps/demo_app/config')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await call(server.url, '/api/apps/demo_app/config');
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Every API call counts, including ones that would fail for another reason.
    expect((await call(server.url, '/api/apps/nope/config')).status).toBe(429);
    await expect(newVisitor(server.url)).rejects.toThrow(/429/);
  });

  it('does not limit the static page', async () => {
    const answer = await call(server.url, '/direct/demo_app');
    expect(answer.status).not.toBe(429);
  });
});
