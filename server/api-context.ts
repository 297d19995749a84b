import { loadOrCreateAgentToken } from './auth/agent-token';
import type { Bus } from './bus/bus';
import { createBus } from './bus/create-bus';
import { deepLinkLimits } from './deep-links/deep-link-limits';
import { createSystemClock, type Clock } from './clock';
import { loadAppsConfig, type AppsById } from './config/apps-config';
import type { ServerSettings } from './config/server-settings';
import { RateLimiter } from './http/rate-limiter';
import { parseTrustedProxies, type ProxyCheck } from './http/trusted-proxies';
import { SESSION_STARTS_PER_MINUTE } from './sessions/start-session';
import type { SendingWorker } from './invitations/sending-worker';
import type { PreviewService } from './previews/preview-service';
import { createServerPreviews } from './previews/server-previews';
import { MAX_STREAMS_PER_VISITOR, StreamRegistry } from './sse/stream-registry';
import { openStore } from './store/open-store';
import type { Store } from './store/store';

/**
 * Everything a request handler needs, created once per server process. Domain code reaches the database only
 * through `store`, and live events only through `bus`. Stream caps and rate-limit buckets are per process.
 */
export interface ApiContext {
  settings: ServerSettings;
  apps: AppsById;
  store: Store;
  bus: Bus;
  clock: Clock;
  streams: StreamRegistry;
  rateLimiter: RateLimiter;
  /** New conversations per visitor. */
  sessionStarts: RateLimiter;
  /** Public-API requests per API key (generate and revoke deep links). */
  deepLinkRequests: RateLimiter;
  agentToken: string;
  /** DIRECT_CHAT_TRUSTED_PROXIES as a check. */
  isTrustedProxy: ProxyCheck;
  previews: PreviewService;
  /** The invitation sending worker, once the HTTP server runs it (http-server.ts). */
  invitationSender?: SendingWorker;
}

export async function createApiContext(settings: ServerSettings): Promise<ApiContext> {
  const apps = loadAppsConfig(settings.appsFile);
  const bus = createBus(settings.databaseUrl);
  const store = await openStore(settings, bus);
  try {
    await bus.start();
    return {
      settings,
      apps,
      store,
      bus,
      clock: createSystemClock(),
      streams: new StreamRegistry({ perClient: settings.maxStreamsPerClient, perVisitor: MAX_STREAMS_PER_VISITOR }),
      rateLimiter: new RateLimiter(settings.rateLimitPerMinute),
      sessionStarts: new RateLimiter(SESSION_STARTS_PER_MINUTE),
      deepLinkRequests: new RateLimiter(deepLinkLimits(settings).requestsPerMinute),
      agentToken: loadOrCreateAgentToken(settings.dataDir, settings.agentToken),
      isTrustedProxy: parseTrustedProxies(settings.trustedProxies ?? []),
      previews: createServerPreviews(store, settings.unfurlAllow),
    };
  } catch (error) {
    await bus.close();
    await store.close();
    throw error;
  }
}

/** Drops every event stream, then closes the bus and the database. */
export async function disposeApiContext(context: ApiContext): Promise<void> {
  context.streams.destroyAll();
  await context.bus.close();
  await context.store.close();
}
