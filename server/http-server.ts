import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiContext, disposeApiContext, type ApiContext } from './api-context';
import type { ServerSettings } from './config/server-settings';
import { createRequestHandler } from './create-request-handler';

export interface RunningServer {
  /** http://host:port with the real (possibly ephemeral) port. */
  url: string;
  port: number;
  context: ApiContext;
  server: Server;
  /** Ends event streams, stops accepting connections and closes the database. */
  close(): Promise<void>;
}

export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  const context = createApiContext(settings);
  const handler = createRequestHandler(context);
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      console.error('direct-chat: unhandled', error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  server.keepAliveTimeout = 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    disposeApiContext(context);
    throw error;
  }
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
        context.streams.closeAll();
        server.close(() => {
          disposeApiContext(context);
          resolve();
        });
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      });
      return closing;
    },
  };
}
