import type { Kysely } from 'kysely';
import type { Bus } from '../bus/bus';
import { createAgentStore } from './agent-store';
import { createApiKeyStore } from './api-key-store';
import { createDeepLinkStore } from './deep-link-store';
import { createInvitationStore } from './invitation-store';
import { checkPostgres, prepareDataDirectory } from './check-storage';
import { createLinkStore } from './link-store';
import { createMessageStore } from './message-store';
import { migrateToLatest } from './migrations/migrations';
import { createNonceStore } from './nonce-store';
import { openPostgres } from './postgres/open-postgres';
import { createParticipantStore } from './participant-store';
import { createPreviewCacheStore } from './preview-cache-store';
import { createSessionStore } from './session-store';
import { createVisitorStore } from './visitor-store';
import { openSqlite } from './sqlite/open-sqlite';
import type { Store, StoreEngine } from './store';
import { createStoreCore } from './store-core';
import type { Tables } from './tables';

export interface StoreLocation {
  /** postgres://... selects PostgreSQL; otherwise the embedded SQLite file in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

/** Opens the database, checks it can be written, brings its schema up to date. */
export async function openStore(location: StoreLocation, bus: Bus): Promise<Store> {
  const { db, engine } = await connect(location);
  try {
    await migrateToLatest(db as Kysely<unknown>, engine);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const core = createStoreCore(db, bus);
  let closing: Promise<void> | undefined;
  return {
    engine,
    visitors: createVisitorStore(core, engine),
    sessions: createSessionStore(core, engine),
    messages: createMessageStore(core, engine),
    nonces: createNonceStore(core),
    agents: createAgentStore(core),
    previews: createPreviewCacheStore(core),
    links: createLinkStore(core),
    apiKeys: createApiKeyStore(core),
    deepLinks: createDeepLinkStore(core),
    participants: createParticipantStore(core),
    invitations: createInvitationStore(core, engine),
    close: () => (closing ??= db.destroy()),
  };
}

async function connect(location: StoreLocation): Promise<{ db: Kysely<Tables>; engine: StoreEngine }> {
  if (location.databaseUrl) {
    prepareDataDirectory(location.dataDir);
    const { db } = openPostgres(location.databaseUrl);
    try {
      await checkPostgres(db, location.databaseUrl);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return { db, engine: 'postgres' };
  }
  let db: Kysely<Tables> | undefined;
  prepareDataDirectory(location.dataDir, () => (db = openSqlite(location.dataDir)));
  return { db: db!, engine: 'sqlite' };
}
