// The event-stream reader the page and the console share, against a real HTTP server in this process.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openReconnectingStream, type ReconnectingStream, type ReconnectingStreamOptions } from '../../../src/api/reconnecting-event-stream';

/** Each request is answered by the next behaviour in the queue; an empty queue answers with an open, silent stream. */
type Behaviour = (response: ServerResponse) => void;
const queue: Behaviour[] = [];
const open = new Set<ServerResponse>();
let requests = 0;
let closedByClient = 0;
const server = createServer((request, response) => {
  requests++;
  request.on('close', () => {
    if (open.delete(response)) closedByClient++;
  });
  (queue.shift() ?? streamOpen)(response);
});
const streamOpen: Behaviour = (response) => {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  response.flushHeaders();
  open.add(response);
};
const refuse = (status: number): Behaviour => (response) => response.writeHead(status).end();
const write = (text: string) => {
  for (const response of open) response.write(text);
};
/** Ends every open stream from the server's side, as a restart would. */
const dropAll = () => {
  for (const response of [...open]) {
    open.delete(response);
    response.end();
  }
};

let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

const streams: ReconnectingStream[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
  dropAll();
  queue.length = 0;
  requests = 0;
  closedByClient = 0;
});

function start(overrides: Partial<ReconnectingStreamOptions> = {}) {
  const log: string[] = [];
  const delays: number[] = [];
  const stream = openReconnectingStream({
    open: async (signal) => {
      const response = await fetch(url, { signal });
      if (!response.ok) throw new HttpStatus(response.status);
      return response;
    },
    onEvent: (event) => log.push(`event ${event.event} ${event.data}`),
    isFatal: (error) => error instanceof HttpStatus && error.status < 500,
    delay: (attempt) => (delays.push(attempt), 5),
    idleTimeoutMs: () => 10_000,
    onConnecting: (again) => log.push(again ? 'connecting again' : 'connecting'),
    onConnected: (again) => log.push(again ? 'connected again' : 'connected'),
    onDropped: () => log.push('dropped'),
    onStopped: (error) => log.push(`stopped ${(error as Error).message}`),
    ...overrides,
  });
  streams.push(stream);
  return { stream, log, delays };
}

describe('the shared event-stream reader', () => {
  it('delivers events split anywhere across chunks, and reconnects when the server ends the stream', async () => {
    const { log } = start();
    await vi.waitFor(() => expect(open.size).toBe(1));
    write('event: message\ndata: {"n"');
    write(':1}\n\n: heartbeat\n\n');
    await vi.waitFor(() => expect(log).toContain('event message {"n":1}'));
    dropAll();
    await vi.waitFor(() => expect(open.size).toBe(1));
    write('data: two\n\n');
    await vi.waitFor(() => expect(log.at(-1)).toBe('event message two'));
    expect(log).toEqual([
      'connecting',
      'connected',
      'event message {"n":1}',
      'dropped',
      'connecting again',
      'connected again',
      'event message two',
    ]);
  });

  it('drops a connection that stays silent past the idle time, and connects again', async () => {
    const { log } = start({ idleTimeoutMs: () => 100 });
    await vi.waitFor(() => expect(requests).toBeGreaterThanOrEqual(2));
    expect(log.slice(0, 4)).toEqual(['connecting', 'connected', 'dropped', 'connecting again']);
    await vi.waitFor(() => expect(closedByClient).toBeGreaterThanOrEqual(1));
  });

  it('stops for good on a failure that will not heal, without another request', async () => {
    queue.push(refuse(401));
    const sleep = vi.fn(() => new Promise<void>(() => undefined));
    const { log, delays } = start({ sleep });
    await vi.waitFor(() => expect(log).toEqual(['connecting', 'stopped HTTP 401']));
    // Stopping and retrying are two ends of one failure: no wait was asked for, so no request can follow.
    expect(delays).toEqual([]);
    expect(sleep).not.toHaveBeenCalled();
    expect(requests).toBe(1);
  });

  it('retries other failures with a growing attempt count, which data on a connection starts again', async () => {
    queue.push(refuse(503), refuse(502), refuse(503));
    const onActivity = vi.fn();
    const { delays } = start({ onActivity });
    await vi.waitFor(() => expect(open.size).toBe(1));
    expect(delays).toEqual([0, 1, 2]);
    write(': alive\n\n');
    await vi.waitFor(() => expect(onActivity).toHaveBeenCalled());
    dropAll();
    await vi.waitFor(() => expect(delays).toEqual([0, 1, 2, 0]));
  });

  it('connects again at once when asked, without waiting out a backoff', async () => {
    const sleep = vi.fn((_ms: number, signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())));
    const { stream, log } = start({ sleep, delay: () => 60_000 });
    await vi.waitFor(() => expect(open.size).toBe(1));
    stream.reconnectNow();
    await vi.waitFor(() => expect(log).toContain('connected again'));
    expect(sleep).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(closedByClient).toBe(1));

    // Asked while waiting out a (long) backoff after a drop: the wait ends.
    dropAll();
    await vi.waitFor(() => expect(sleep).toHaveBeenCalledTimes(1));
    expect(requests).toBe(2);
    stream.reconnectNow();
    await vi.waitFor(() => expect(open.size).toBe(1));
    expect(requests).toBe(3);
  });

  it('closes its connection and reports nothing more once closed', async () => {
    const sleep = vi.fn(() => new Promise<void>(() => undefined));
    const { stream, log } = start({ sleep });
    await vi.waitFor(() => expect(open.size).toBe(1));
    const before = log.length;
    stream.close();
    // The server sees the connection close only after the page has aborted it: by then the reader has had its say.
    await vi.waitFor(() => expect(closedByClient).toBe(1));
    expect(log.length).toBe(before);
    expect(sleep).not.toHaveBeenCalled();
    expect(requests).toBe(1);
    expect(log).not.toContain('dropped');
  });
});
