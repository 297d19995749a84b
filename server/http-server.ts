import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiContext, disposeApiContext, type ApiContext } from './api-context';
import type { ServerSettings } from './config/server-settings';
import { createRequestHandler } from './create-request-handler';
import { trackUnusedConnections } from './http/unused-connections';

export interface RunningServer {
  /** http://host:port with the real (possibly ephemeral) port. */
  url: string;
  port: number;
  context: ApiContext;
  server: Server;
  /** Drops event streams, stops accepting connections and closes the database. */
  close(): Promise<void>;
}

// Requests still running at shutdown get this long to finish.
const SHUTDOWN_GRACE_MS = 2000;

export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  const context = await createApiContext(settings);
  const handler = createRequestHandler(context);
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      console.error('direct-chat: unhandled', error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  server.keepAliveTimeout = 10_000;
  const unusedConnections = trackUnusedConnections(server);
  server.maxConnections = settings.maxConnections;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await disposeApiContext(context);
    throw error;
  }
  // After listening, errors are about single connections (accept failing when out of file descriptors...): the
  // server keeps running, and without a listener Node would end the process.
  server.on('error', (error) => console.error('direct-chat: server error:', error.message));
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    context,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        context.streams.destroyAll();
        server.close(() => {
          disposeApiContext(context).then(resolve, resolve);
        });
        server.closeIdleConnections();
        unusedConnections.destroyAll();
        setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      });
      return closing;
    },
  };
}
