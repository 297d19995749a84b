import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STREAMS_PER_VISITOR } from '../../server/sse/stream-registry';
import { newSession, newVisitor } from './support/api-client';
import { isEvent, openEventStream, type OpenStream } from './support/event-stream';
import { connectionCount, waitFor } from './support/stalled-client';
import { AGENT_TOKEN, startTestServer, type TestServer } from './support/test-server';

const PER_CLIENT = 8;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ maxStreamsPerClient: PER_CLIENT });
});
afterAll(() => server.destroy());

async function openFor(token: string, sessionId: string): Promise<OpenStream> {
  const stream = await openEventStream(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
    authorization: `Bearer ${token}`,
  });
  if (stream.status === 200) await stream.next(isEvent('ready'));
  return stream;
}

/** Opens a request on a fresh connection from `localAddress` and resolves with its status, keeping it open. */
function holdRequest(
  localAddress: string,
  path: string,
  token: string,
  port = server.port,
): Promise<{ status: number; close(): void }> {
  return new Promise((resolve, reject) => {
    const request = get(
      { host: '127.0.0.1', port, path, localAddress, agent: false, headers: { authorization: `Bearer ${token}` } },
      (response) => resolve({ status: response.statusCode ?? 0, close: () => request.destroy() }),
    );
    request.on('error', reject);
  });
}

describe('event stream caps', () => {
  it(`keeps at most ${MAX_STREAMS_PER_VISITOR} streams per visitor: one more drops the oldest`, async () => {
    expect(MAX_STREAMS_PER_VISITOR).toBe(5);
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const streams: OpenStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_VISITOR; i++) streams.push(await openFor(visitorToken, sessionId));
    expect(server.context.streams.size).toBe(MAX_STREAMS_PER_VISITOR);

    const sixth = await openFor(visitorToken, sessionId);
    expect(sixth.status).toBe(200);
    await streams[0]!.ended;
    expect(server.context.streams.size).toBe(MAX_STREAMS_PER_VISITOR);
    for (const stream of [...streams.slice(1), sixth]) stream.close();
    await waitFor(() => server.context.streams.size === 0);
  });

  it(`refuses a client address its stream number ${PER_CLIENT + 1} with 429; an agent's streams count against the agent, not the address`, async () => {
    const streams: OpenStream[] = [];
    for (let i = 0; i < PER_CLIENT; i++) {
      const { visitorToken } = await newVisitor(server.url);
      streams.push(await openFor(visitorToken, await newSession(server.url, visitorToken)));
    }
    expect(streams.map((stream) => stream.status)).toEqual(Array(PER_CLIENT).fill(200));

    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const refused = await openFor(visitorToken, sessionId);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    const agentStream = await openEventStream(`${server.url}/api/agent/apps/demo_app/events`, {
      authorization: `Bearer ${AGENT_TOKEN}`,
    });
    // A visitor flood from the agent's address never locks the agent out.
    expect(agentStream.status).toBe(200);
    agentStream.close();

    // Another address is another client.
    const elsewhere = await holdRequest('127.0.0.2', `/api/apps/demo_app/sessions/${sessionId}/events`, visitorToken);
    expect(elsewhere.status).toBe(200);
    elsewhere.close();

    streams[0]!.close();
    await waitFor(() => server.context.streams.size < PER_CLIENT);
    const admitted = await openFor(visitorToken, sessionId);
    expect(admitted.status).toBe(200);
    for (const stream of [...streams, admitted]) stream.close();
    await waitFor(() => server.context.streams.size === 0);
  });
});

describe('connection cap', () => {
  it('drops connections beyond DIRECT_CHAT_MAX_CONNECTIONS', async () => {
    const small = await startTestServer({ maxConnections: 2 });
    const held: { close(): void }[] = [];
    try {
      expect(small.server.maxConnections).toBe(2);
      const { visitorToken } = await newVisitor(small.url);
      const sessionId = await newSession(small.url, visitorToken);
      await waitFor(async () => {
        small.server.closeIdleConnections();
        return (await connectionCount(small.server)) === 0;
      });
      const path = `/api/apps/demo_app/sessions/${sessionId}/events`;
      for (let i = 0; i < 2; i++) held.push(await holdRequest('127.0.0.1', path, visitorToken, small.port));
      await expect(holdRequest('127.0.0.1', path, visitorToken, small.port)).rejects.toThrow(/socket hang up|ECONNRESET/);
    } finally {
      held.forEach((request) => request.close());
      await small.destroy();
    }
  });
});
