import { get, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { call, newSession, newVisitor } from './support/api-client';
import { captureLog } from './support/captured-log';
import { startTestServer } from './support/test-server';

function openStream(port: number, path: string, token: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false, headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject);
  });
}

describe('shutdown', () => {
  it('ends at once with an open event stream', async () => {
    const server = await startTestServer();
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    const stream = await openStream(server.port, `/api/apps/demo_app/sessions/${sessionId}/events`, visitorToken);
    expect(stream.statusCode).toBe(200);
    const streamClosed = new Promise((resolve) => stream.once('close', resolve));
    stream.resume();

    const started = Date.now();
    await server.destroy();
    expect(Date.now() - started).toBeLessThan(1000);
    await streamClosed;
  });

  it('does not wait for a connection that never sent a request (a browser preconnect)', async () => {
    const server = await startTestServer();
    const socket = connect({ host: '127.0.0.1', port: server.port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('error', () => {});
    const started = Date.now();
    await server.destroy();
    expect(Date.now() - started).toBeLessThan(1000);
    await socketClosed;
  });
});

describe('errors after listening', () => {
  it('logs a server error instead of ending the process, and keeps serving', async () => {
    const log = captureLog();
    const server = await startTestServer({ logLevel: 'info' }, { logDestination: log.stream });
    try {
      const accept = Object.assign(new Error('accept EMFILE'), { code: 'EMFILE' });
      expect(() => server.server.emit('error', accept)).not.toThrow();
      expect(log.lines()).toContainEqual(
        expect.objectContaining({ level: 50, msg: 'server error', err: expect.objectContaining({ message: 'accept EMFILE' }) }),
      );
      expect((await call(server.url, '/api/apps/demo_app/config')).status).toBe(200);
    } finally {
      await server.destroy();
    }
  });
});
