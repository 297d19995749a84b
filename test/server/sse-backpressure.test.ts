import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SseStream } from '../../server/sse/sse-stream';
import { newSession, newVisitor, sendAll } from './support/api-client';
import { connectionCount, openStalledRequest, waitFor } from './support/stalled-client';
import { startTestServer, TEST_ENGINE, type TestServer } from './support/test-server';

// 3,900 astral characters: within MAX_MESSAGE_LENGTH (code points) and the 16 KiB body limit, ~15.6 KB as UTF-8.
const BIG_TEXT = '😀'.repeat(3900);
const MESSAGES = 400;

let server: TestServer;
let token: string;
let sessionId: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await newVisitor(server.url)).visitorToken;
  sessionId = await newSession(server.url, token);
  await sendAll(server.url, token, sessionId, Array.from({ length: MESSAGES }, () => BIG_TEXT));
}, 60_000);
afterAll(() => server.destroy());

// Before a stalled client connects, the setup's keep-alive connections are closed so its connection is the only one.
// Afterwards nothing closes idle connections: that would also reap an ended (not destroyed) stalled response.
async function connections(): Promise<number> {
  return connectionCount(server.server);
}
async function noOtherConnections(): Promise<boolean> {
  server.server.closeIdleConnections();
  return (await connections()) === 0;
}

const eventsPath = () => `/api/apps/demo_app/sessions/${sessionId}/events`;

describe('a client that stops reading', () => {
  // The replay loop is the same code on both engines. On PostgreSQL each page takes a little longer to read, and in
  // those pauses the kernel grows the stalled client's receive buffer past the whole 6 MB backlog, so whether the
  // stream is dropped mid-replay depends on the kernel's tuning, not on the server: this runs where it is certain.
  it.skipIf(TEST_ENGINE === 'postgres')('stops the replay as soon as the stream is dropped, and frees the connection', async () => {
    const messages = server.context.store.messages;
    const oldest = messages.oldest;
    let pulled = 0;
    messages.oldest = async (...args) => {
      const page = await oldest(...args);
      pulled += page.length;
      return page;
    };
    let socket: Socket | undefined;
    try {
      await waitFor(noOtherConnections);
      socket = await openStalledRequest(server.port, eventsPath(), {
        authorization: `Bearer ${token}`,
        'last-event-id': '0',
      });
      // ~6 MB of backlog cannot fit in the socket buffers plus the 1 MiB the server allows itself.
      await waitFor(() => pulled > 0 && server.context.streams.size === 0);
      expect(pulled).toBeLessThan(MESSAGES);
      // destroy(), not end(): an ended response to a reader that never reads would hold its socket for good.
      await waitFor(async () => (await connections()) === 0, 2000);
    } finally {
      socket?.destroy();
      messages.oldest = oldest;
    }
  });

  it('drops a live stream that falls 1 MiB behind and frees its connection', async () => {
    await waitFor(noOtherConnections);
    const socket = await openStalledRequest(server.port, eventsPath(), { authorization: `Bearer ${token}` });
    try {
      await waitFor(() => server.context.streams.size === 1);
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; i < 200 && server.context.streams.size === 1; i++) {
        // Straight to this instance's subscribers: a NOTIFY payload could not carry 256 KB.
        server.context.bus.fanout.deliver({ kind: 'typing', appId: 'demo_app', sessionId, typing: chunk as never });
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(server.context.streams.size).toBe(0);
      await waitFor(async () => (await connections()) === 0, 2000);
    } finally {
      socket.destroy();
    }
  });
});

describe('SseStream.send', () => {
  it('does not serialise an event for a closed stream', async () => {
    let serialised = 0;
    const data = {
      toJSON() {
        serialised++;
        return 'payload';
      },
    };
    const site = createServer((request, response) => {
      const stream = new SseStream(request, response, 60_000);
      stream.send({ event: 'before', data });
      stream.close();
      stream.send({ event: 'after', data });
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await fetch(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      const text = await answer.text();
      expect(text).toContain('event: before');
      expect(text).not.toContain('event: after');
      expect(serialised).toBe(1);
    } finally {
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
