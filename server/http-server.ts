import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import { createApiContext, disposeApiContext, type ApiContext } from './api-context';
import { DEFAULT_MAX_CONNECTIONS_PER_CLIENT, type ServerSettings } from './config/server-settings';
import { createApp } from './create-app';
import { startSendingWorker } from './invitations/sending-worker';
import { honourAlreadySent } from './http/node-response';
import { answerUnparsableRequests } from './http/client-error';
import { limitConnectionsPerClient } from './http/connection-limits';
import { edgeTimeouts, MAX_HEADER_BYTES } from './http/edge-timeouts';
import { trackUnusedConnections } from './http/unused-connections';
import { createLogger } from './logging/create-logger';
import { createPageFallback } from './static/page-fallback';

export interface RunningServer {
  /** http://host:port with the real (possibly ephemeral) port. */
  url: string;
  port: number;
  context: ApiContext;
  server: Server;
  log: Logger;
  /** Drops event streams, stops accepting connections and the invitation worker, and closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Where the JSON log lines go (stdout by default); tests capture them here. */
  logDestination?: DestinationStream;
}

// Requests still running at shutdown get this long to finish.
const SHUTDOWN_GRACE_MS = 2000;

export async function startServer(settings: ServerSettings, options: StartOptions = {}): Promise<RunningServer> {
  const log = createLogger(settings.logLevel ?? 'info', options.logDestination);
  const context = await createApiContext(settings);
  const app = createApp(context, log);
  const sender = startSendingWorker(context, log);
  context.invitationSender = sender;
  const fallbackPage = createPageFallback(settings.distDir);
  const listener = getRequestListener(honourAlreadySent(app.fetch), {
    hostname: 'localhost',
    // The adapter could not even build a Request (a backslash in the path, a malformed Host): answer with the page.
    errorHandler: async () => {
      const page = await fallbackPage();
      return new Response(page ? new Uint8Array(page.body) : 'Bad Request', { status: 400, headers: page?.headers });
    },
  });
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, ...edgeTimeouts(settings) }, listener);
  server.keepAliveTimeout = 10_000;
  server.maxConnections = settings.maxConnections;
  limitConnectionsPerClient(server, settings.maxConnectionsPerClient ?? DEFAULT_MAX_CONNECTIONS_PER_CLIENT, context.isTrustedProxy);
  const unusedConnections = trackUnusedConnections(server);
  answerUnparsableRequests(server, fallbackPage, log);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await sender.stop();
    await disposeApiContext(context);
    throw error;
  }
  // After listening, errors are about single connections (accept failing when out of file descriptors...): the
  // server keeps running, and without a listener Node would end the process.
  server.on('error', (error) => log.error({ err: error }, 'server error'));
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    context,
    server,
    log,
    close() {
      closing ??= new Promise<void>((resolve) => {
        context.streams.destroyAll();
        server.close(() => {
          sender
            .stop()
            .then(() => disposeApiContext(context))
            .then(() => resolve());
        });
        server.closeIdleConnections();
        unusedConnections.destroyAll();
        setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      });
      return closing;
    },
  };
}
