import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, ViteDevServer } from 'vite';
import type { DevApi } from './dev-api';

const DEV_API_MODULE = '/server/dev-api.ts';

/**
 * `npm run dev`: the same API as the reference server, mounted on Vite's dev server at /api/*. The server code is
 * loaded with ssrLoadModule, so editing it takes effect on the next request (open event streams are closed and the
 * clients reconnect), while the page keeps Vite's HMR.
 */
export function apiDevServer(): Plugin {
  let api: ReloadingApi | undefined;
  return {
    name: 'direct-chat-api-dev',
    apply: 'serve',
    configureServer(server) {
      api = new ReloadingApi(server);
      const current = api;
      server.middlewares.use((request, response, next) => {
        const url = request.url ?? '';
        if (url !== '/api' && !url.startsWith('/api/') && !url.startsWith('/api?')) return next();
        current.handle(request, response).catch(next);
      });
      server.httpServer?.once('listening', () => {
        current.announce().catch((error: unknown) => server.config.logger.error(`direct-chat API: ${String(error)}`));
      });
    },
    // Runs when the dev server closes: end event streams and close the database.
    closeBundle() {
      api?.dispose();
    },
  };
}

class ReloadingApi {
  private loaded?: { module: Record<string, unknown>; api: DevApi };
  private loading?: Promise<DevApi>;

  constructor(private readonly server: ViteDevServer) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const api = await this.current();
    await api.handle(request, response);
  }

  async announce(): Promise<void> {
    const { agentTokenFileExists } = (await this.server.ssrLoadModule('/server/auth/agent-token.ts')) as typeof import('./auth/agent-token');
    const { readServerSettings } = (await this.server.ssrLoadModule('/server/config/server-settings.ts')) as typeof import('./config/server-settings');
    const tokenFromFile = agentTokenFileExists(readServerSettings(process.env, this.server.config.root).dataDir);
    const api = await this.current();
    const { signDirectLink } = (await this.server.ssrLoadModule('/server/sign-link.ts')) as typeof import('./sign-link');
    const origin = new URL(this.server.resolvedUrls?.local[0] ?? 'http://localhost:5173/').origin;
    const app = api.context.apps.get('demo_app') ?? [...api.context.apps.values()][0]!;
    const signed = signDirectLink({ baseUrl: origin, appId: app.appId, secret: app.appSecret, sbs: '42', name: 'Ada Lovelace' });
    const log = this.server.config.logger;
    log.info(`  ➜  Chat page:   ${origin}/direct/${app.appId}`);
    log.info(`  ➜  Signed link: ${signed}`);
    // The token is printed once, on the start that generates it; afterwards only the file that holds it.
    const { agentToken, dataDir } = api.context.settings;
    const token = agentToken ? 'set by DIRECT_CHAT_AGENT_TOKEN' : tokenFromFile ? `in ${dataDir}/agent-token` : api.context.agentToken;
    log.info(`  ➜  Agent token: ${token}   (API data in ${dataDir})`);
  }

  dispose(): void {
    void this.loaded?.api.dispose();
    this.loaded = undefined;
  }

  /** The API built from the current server code; a fresh one (and a fresh database handle) after an edit. */
  private current(): Promise<DevApi> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<DevApi> {
    const module = await this.server.ssrLoadModule(DEV_API_MODULE);
    if (this.loaded?.module === module) return this.loaded.api;
    this.dispose();
    const { createDevApi } = module as typeof import('./dev-api');
    const api = await createDevApi(this.server.config.root);
    this.loaded = { module, api };
    return api;
  }
}
