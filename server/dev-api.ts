import { createApiContext, disposeApiContext, type ApiContext } from './api-context';
import { readServerSettings } from './config/server-settings';
import { createApiHandler, type RequestListener } from './handle-api-request';

export interface DevApi {
  context: ApiContext;
  handle: RequestListener;
  dispose(): void;
}

/** The API alone, for `npm run dev`: Vite serves the page and loads this module through ssrLoadModule. */
export async function createDevApi(projectRoot: string): Promise<DevApi> {
  const context = await createApiContext(readServerSettings(process.env, projectRoot));
  return { context, handle: createApiHandler(context), dispose: () => void disposeApiContext(context) };
}
