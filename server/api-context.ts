import type { Database } from 'better-sqlite3';
import { loadOrCreateAgentToken } from './auth/agent-token';
import { loadAppsConfig, type AppsById } from './config/apps-config';
import type { ServerSettings } from './config/server-settings';
import { createMessageQueries, type MessageQueries } from './db/message-queries';
import { createNonceQueries, type NonceQueries } from './db/nonce-queries';
import { openDatabase } from './db/open-database';
import { createSessionQueries, type SessionQueries } from './db/session-queries';
import { createVisitorQueries, type VisitorQueries } from './db/visitor-queries';
import { RateLimiter } from './http/rate-limiter';
import { attachPreview } from './previews/attach-preview';
import type { PreviewService } from './previews/preview-service';
import { createServerPreviews } from './previews/server-previews';
import { EventHub } from './sse/event-hub';
import { MAX_STREAMS_PER_VISITOR, StreamRegistry } from './sse/stream-registry';

/** Everything a request handler needs, created once per server process. */
export interface ApiContext {
  settings: ServerSettings;
  apps: AppsById;
  db: Database;
  visitors: VisitorQueries;
  sessions: SessionQueries;
  messages: MessageQueries;
  nonces: NonceQueries;
  hub: EventHub;
  streams: StreamRegistry;
  rateLimiter: RateLimiter;
  agentToken: string;
  previews: PreviewService;
  now: () => string;
}

export function createApiContext(settings: ServerSettings): ApiContext {
  const apps = loadAppsConfig(settings.appsFile);
  const db = openDatabase(settings.dataDir);
  const context: ApiContext = {
    settings,
    apps,
    db,
    visitors: createVisitorQueries(db),
    sessions: createSessionQueries(db),
    messages: createMessageQueries(db),
    nonces: createNonceQueries(db),
    hub: new EventHub(),
    streams: new StreamRegistry({ perClient: settings.maxStreamsPerClient, perVisitor: MAX_STREAMS_PER_VISITOR }),
    rateLimiter: new RateLimiter(settings.rateLimitPerMinute),
    agentToken: loadOrCreateAgentToken(settings.dataDir, settings.agentToken),
    previews: createServerPreviews({
      db,
      unfurlAllow: settings.unfurlAllow,
      attach: async (target, preview) => void (await attachPreview(context, target, preview)),
    }),
    now: () => new Date().toISOString(),
  };
  return context;
}

/** Drops every event stream, then closes the database. */
export function disposeApiContext(context: ApiContext): void {
  context.streams.destroyAll();
  if (context.db.open) context.db.close();
}
