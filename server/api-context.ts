import type { Database } from 'better-sqlite3';
import { loadOrCreateAgentToken } from './auth/agent-token';
import { loadAppsConfig, type AppsById } from './config/apps-config';
import type { ServerSettings } from './config/server-settings';
import { createLinkQueries, type LinkQueries } from './db/link-queries';
import { createMessageQueries, type MessageQueries } from './db/message-queries';
import { createNonceQueries, type NonceQueries } from './db/nonce-queries';
import { openDatabase } from './db/open-database';
import { createSessionQueries, type SessionQueries } from './db/session-queries';
import { createVisitorQueries, type VisitorQueries } from './db/visitor-queries';
import { RateLimiter } from './http/rate-limiter';
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
  links: LinkQueries;
  hub: EventHub;
  streams: StreamRegistry;
  rateLimiter: RateLimiter;
  agentToken: string;
  now: () => string;
}

export function createApiContext(settings: ServerSettings): ApiContext {
  const apps = loadAppsConfig(settings.appsFile);
  const db = openDatabase(settings.dataDir);
  return {
    settings,
    apps,
    db,
    visitors: createVisitorQueries(db),
    sessions: createSessionQueries(db),
    messages: createMessageQueries(db),
    nonces: createNonceQueries(db),
    links: createLinkQueries(db),
    hub: new EventHub(),
    streams: new StreamRegistry({ perClient: settings.maxStreamsPerClient, perVisitor: MAX_STREAMS_PER_VISITOR }),
    rateLimiter: new RateLimiter(settings.rateLimitPerMinute),
    agentToken: loadOrCreateAgentToken(settings.dataDir, settings.agentToken),
    now: () => new Date().toISOString(),
  };
}

/** Drops every event stream, then closes the database. */
export function disposeApiContext(context: ApiContext): void {
  context.streams.destroyAll();
  if (context.db.open) context.db.close();
}
