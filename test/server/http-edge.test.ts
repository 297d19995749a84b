import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../server/store/storage-unavailable-error';
import { call, newSession, newVisitor } from './support/api-client';
import { isEvent, openEventStream } from './support/event-stream';
import { createFakeDist, PAGE_INDEX } from './support/fake-dist';
import { startTestServer, type TestServer } from './support/test-server';

/** Sends raw bytes on a fresh connection from `localAddress`; resolves with everything the server sent until it closed. */
function rawExchange(port: number, request: string | Buffer, localAddress = '127.0.0.1'): { socket: Socket; answer: Promise<string> } {
  const socket = connect({ host: '127.0.0.1', port, localAddress });
  const chunks: Buffer[] = [];
  socket.on('data', (chunk) => chunks.push(chunk));
  const answer = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', () => {});
  });
  socket.write(request);
  return { socket, answer };
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const bodyOf = (answer: string) => answer.slice(answer.indexOf('\r\n\r\n') + 4);
const headerOf = (answer: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'im').exec(answer.slice(0, answer.indexOf('\r\n\r\n')))?.[1]?.trim();

describe('page routes the server cannot parse still get the page (its translated screen)', () => {
  let server: TestServer;
  let distRoot: string;
  beforeAll(async () => {
    const dist = createFakeDist();
    distRoot = dist.root;
    server = await startTestServer({ distDir: dist.distDir });
  });
  afterAll(async () => {
    await server.destroy();
    rmSync(distRoot, { recursive: true, force: true });
  });

  const expectPage = (answer: string, status: number) => {
    expect(statusOf(answer)).toBe(status);
    expect(headerOf(answer, 'content-type')).toBe('text/html; charset=utf-8');
    expect(headerOf(answer, 'content-security-policy')).toContain("script-src 'self'");
    expect(bodyOf(answer)).toBe(PAGE_INDEX);
  };

  it('a 100 KB address', async () => {
    const target = `/direct/demo_app?campaign=${'a'.repeat(100 * 1024)}`;
    expectPage(await rawExchange(server.port, `GET ${target} HTTP/1.1\r\nHost: x\r\n\r\n`).answer, 431);
  });

  it('headers too large', async () => {
    const request = `GET /direct/demo_app HTTP/1.1\r\nHost: x\r\nCookie: big=${'c'.repeat(100 * 1024)}\r\n\r\n`;
    expectPage(await rawExchange(server.port, request).answer, 431);
  });

  it('a broken %-escape, and an address over 8 KiB that Node still parses', async () => {
    for (const path of ['/direct/%E0%A4%A', '/direct/demo_app%', `/direct/${'x'.repeat(9000)}`]) {
      const answer = await call(server.url, path);
      expect([path, answer.status, answer.text]).toEqual([path, 400, PAGE_INDEX]);
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    }
  });

  it('a request line Node refuses, and a path the adapter refuses (a backslash)', async () => {
    expectPage(await rawExchange(server.port, 'GET /direct/demo app HTTP/1.1\r\nHost: x\r\n\r\n').answer, 400);
    const backslash = await rawExchange(server.port, 'GET /direct/demo\\app HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n').answer;
    expect(statusOf(backslash)).toBe(400);
    expect(bodyOf(backslash)).toContain(PAGE_INDEX);
  });

  it('the API keeps answering JSON for a broken %-escape', async () => {
    const answer = await call(server.url, '/api/apps/%E0%A4%A/config');
    expect([answer.status, answer.body.error.code]).toEqual([400, 'invalid_request']);
  });
});

describe('timeouts and the per-address connection cap', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ headerTimeoutMs: 300, requestTimeoutMs: 600, maxConnectionsPerClient: 3, heartbeatMs: 100 });
  });
  afterAll(() => server.destroy());

  it('answers 408 and closes when the headers do not arrive in time', async () => {
    const started = Date.now();
    const { answer } = rawExchange(server.port, 'GET /api/apps/demo_app/config HTTP/1.1\r\nHost: x\r\n');
    expect(statusOf(await answer)).toBe(408);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers 408 when the body does not arrive within the request timeout', async () => {
    const started = Date.now();
    const { socket, answer } = rawExchange(
      server.port,
      'POST /api/apps/demo_app/visitors HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"lo',
    );
    const drip = setInterval(() => socket.writable && socket.write(' '), 100);
    try {
      expect(statusOf(await answer)).toBe(408);
    } finally {
      clearInterval(drip);
    }
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(3000);
  });

  it('does not cut an event stream at the request timeout', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const stream = await openEventStream(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
      authorization: `Bearer ${visitorToken}`,
    });
    await stream.next(isEvent('ready'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const heartbeatsBefore = stream.frames.filter((frame) => frame.comments.includes('heartbeat')).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.frames.filter((frame) => frame.comments.includes('heartbeat')).length).toBeGreaterThan(heartbeatsBefore);
    expect(server.context.streams.size).toBe(1);
    stream.close();
  });

  it('drops a client’s connection beyond the cap, and serves another address', async () => {
    const held = [0, 1, 2].map(() => rawExchange(server.port, ''));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = rawExchange(server.port, 'GET /api/apps/demo_app/config HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await refused.answer).toBe('');
    const elsewhere = rawExchange(server.port, 'GET /api/apps/demo_app/config HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', '127.0.0.2');
    expect(statusOf(await elsewhere.answer)).toBe(200);
    held.forEach(({ socket }) => socket.destroy());
    await Promise.all(held.map(({ answer }) => answer));
    const again = rawExchange(server.port, 'GET /api/apps/demo_app/config HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(statusOf(await again.answer)).toBe(200);
  });
});

describe('storage that cannot take a write', () => {
  it('answers 503 storage_unavailable with Retry-After, not a 500', async () => {
    const server = await startTestServer();
    try {
      const { visitorToken } = await newVisitor(server.url);
      const sessions = server.context.store.sessions;
      const create = sessions.create;
      sessions.create = async () => {
        throw new StorageUnavailableError('disk full');
      };
      const answer = await call(server.url, '/api/apps/demo_app/sessions', { token: visitorToken, body: {} });
      sessions.create = create;
      expect([answer.status, answer.body.error.code]).toEqual([503, 'storage_unavailable']);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect((await call(server.url, '/api/apps/demo_app/sessions', { token: visitorToken, body: {} })).status).toBe(201);
    } finally {
      await server.destroy();
    }
  });
});
