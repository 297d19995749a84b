import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiContext, disposeApiContext, type ApiContext } from './api-context';
import { readServerSettings } from './config/server-settings';
import { createApp } from './create-app';
import { honourAlreadySent } from './http/node-response';
import { createLogger } from './logging/create-logger';

export interface DevApi {
  context: ApiContext;
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  dispose(): Promise<void>;
}

/** The server's Hono app for `npm run dev`: Vite serves the page and passes /api/* here (loaded through ssrLoadModule). */
export async function createDevApi(projectRoot: string): Promise<DevApi> {
  const settings = readServerSettings(process.env, projectRoot);
  const context = await createApiContext(settings);
  const app = createApp(context, createLogger(settings.logLevel ?? 'info'));
  return { context, handle: getRequestListener(honourAlreadySent(app.fetch)), dispose: async () => disposeApiContext(context) };
}
