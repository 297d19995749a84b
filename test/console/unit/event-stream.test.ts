import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, apiErrorFrom } from '../../../server/console/api/api-error';
import { connectEventStream, isFatalStreamError, type StreamStatus } from '../../../server/console/api/event-stream';
import { createSseChannel } from '../support/sse-channel';

const URL = 'http://localhost:3000/stream';
const channel = createSseChannel();
let status = 200;
const server = setupServer(
  http.get(URL, ({ request }) =>
    status === 200
      ? channel.respond(request)
      : HttpResponse.json({ error: { code: 'unauthorized', message: 'no' } }, { status }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  channel.reset();
  status = 200;
});
afterAll(() => server.close());

async function open(signal: AbortSignal): Promise<Response> {
  const response = await fetch(URL, { signal });
  if (!response.ok) throw await apiErrorFrom(response);
  return response;
}

function start(overrides: Partial<Parameters<typeof connectEventStream>[0]> = {}) {
  const events: string[] = [];
  const statuses: StreamStatus[] = [];
  const connected: boolean[] = [];
  const stream = connectEventStream({
    open,
    onEvent: (e) => events.push(`${e.event}:${e.data}`),
    onStatus: (s) => statuses.push(s),
    onConnected: (again) => connected.push(again),
    delay: () => 5,
    ...overrides,
  });
  return { stream, events, statuses, connected };
}

describe('connectEventStream', () => {
  it('delivers events and reconnects after a drop, telling the caller to catch up', async () => {
    const { stream, events, statuses, connected } = start();
    await vi.waitFor(() => expect(channel.connections).toBe(1));
    channel.send('session', { n: 1 });
    await vi.waitFor(() => expect(events).toEqual(['session:{"n":1}']));

    channel.drop();
    await vi.waitFor(() => expect(channel.opened).toBe(2));
    await vi.waitFor(() => expect(connected).toEqual([false, true]));
    channel.send('session', { n: 2 });
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting', 'reconnecting', 'live']);
    stream.close();
    await vi.waitFor(() => expect(channel.connections).toBe(0));
  });

  it('reconnects when the connection goes silent', async () => {
    const { stream } = start({ idleTimeoutMs: 50 });
    await vi.waitFor(() => expect(channel.opened).toBeGreaterThanOrEqual(2), { timeout: 2000 });
    stream.close();
  });

  it('stops for good on a client error such as 401', async () => {
    status = 401;
    const { statuses } = start();
    await vi.waitFor(() => expect(statuses).toEqual(['connecting', 'stopped']));
    await new Promise((r) => setTimeout(r, 30));
    expect(statuses).toEqual(['connecting', 'stopped']);
  });

  it('keeps retrying server errors with the given backoff', async () => {
    status = 503;
    const delays: number[] = [];
    const { stream } = start({ delay: (n) => (delays.push(n), 1) });
    await vi.waitFor(() => expect(delays.length).toBeGreaterThanOrEqual(3));
    expect(delays.slice(0, 3)).toEqual([0, 1, 2]);
    stream.close();
  });

  it('classifies errors', () => {
    expect(isFatalStreamError(new ApiError(401, 'unauthorized', ''))).toBe(true);
    expect(isFatalStreamError(new ApiError(404, 'app_not_found', ''))).toBe(true);
    expect(isFatalStreamError(new ApiError(429, 'rate_limited', ''))).toBe(false);
    expect(isFatalStreamError(new ApiError(502, 'unknown', ''))).toBe(false);
    expect(isFatalStreamError(new TypeError('network'))).toBe(false);
  });
});
