import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ServerSettings } from '../../../server/config/server-settings';
import { startServer, type RunningServer, type StartOptions } from '../../../server/http-server';
import { createTestDatabase, dropTestDatabase, POSTGRES_ADMIN_URL } from './postgres-databases';

export const FIXTURE_APPS = resolve(__dirname, '../fixtures/apps.json');
export const DEMO_SECRET = 'demo-only-secret-not-for-production';
export const PARTNER_SECRET = 'partner-test-secret-0123456789';
export const AGENT_TOKEN = 'test-agent-token-0123456789abcdef';

export interface TestServer extends RunningServer {
  settings: ServerSettings;
  /** Closes this server and starts a new one on the same data directory. */
  restart(): Promise<TestServer>;
  /** Closes the server and deletes its temporary directories. */
  destroy(): Promise<void>;
}

/** The engine this test project runs on: `server` is SQLite, `server-pg` PostgreSQL. */
export const TEST_ENGINE = POSTGRES_ADMIN_URL ? 'postgres' : 'sqlite';

/**
 * Settings for a server on an ephemeral loopback port, with a fresh temporary directory (`scratch`) for its data and,
 * in the PostgreSQL project, a fresh database.
 */
export async function testSettings(overrides: Partial<ServerSettings> = {}): Promise<{ settings: ServerSettings; scratch: string }> {
  const scratch = mkdtempSync(join(tmpdir(), 'direct-chat-test-'));
  const settings: ServerSettings = {
    host: '127.0.0.1',
    port: 0,
    dataDir: join(scratch, 'data'),
    databaseUrl: POSTGRES_ADMIN_URL && !('databaseUrl' in overrides) ? await createTestDatabase() : undefined,
    appsFile: FIXTURE_APPS,
    distDir: join(scratch, 'no-dist'),
    agentToken: AGENT_TOKEN,
    heartbeatMs: 15_000,
    rateLimitPerMinute: 1_000_000,
    maxConnections: 2000,
    maxStreamsPerClient: 50,
    faultInjection: false,
    corsOrigins: [],
    logLevel: 'silent',
    ...overrides,
  };
  return { settings, scratch };
}

/** The real HTTP server on an ephemeral port with a fresh temporary data directory. */
export async function startTestServer(overrides: Partial<ServerSettings> = {}, options: StartOptions = {}): Promise<TestServer> {
  const { settings, scratch } = await testSettings(overrides);
  const ownDatabase = settings.databaseUrl !== undefined && !('databaseUrl' in overrides);
  return wrap(await startServer(settings, options), settings, scratch, ownDatabase, options);
}

function wrap(
  running: RunningServer,
  settings: ServerSettings,
  scratch: string,
  ownDatabase: boolean,
  options: StartOptions,
): TestServer {
  return Object.assign(running, {
    settings,
    async restart() {
      await running.close();
      return wrap(await startServer(settings, options), settings, scratch, ownDatabase, options);
    },
    async destroy() {
      await running.close();
      rmSync(scratch, { recursive: true, force: true });
      if (ownDatabase) await dropTestDatabase(settings.databaseUrl!);
    },
  });
}
