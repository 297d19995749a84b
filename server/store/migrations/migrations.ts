import { Migrator, type Kysely, type Migration } from 'kysely';
import type { StoreEngine } from '../store';
import * as initial from './0001-initial';
import * as agents from './0002-agents';
import { linkPreviews } from './0003-link-previews';
import * as chatLinks from './0004-chat-links';
import * as deepLinks from './0005-deep-links';
import * as participants from './0006-participants';
import * as invitations from './0007-invitations';
import * as handoffClaims from './0008-handoff-claims';

/**
 * Every schema step, in order, for both engines (kysely's schema builder writes each engine's SQL; a step that must
 * differ receives the engine). Append only: never edit a step that has shipped. Kysely's Migrator records applied
 * steps in `kysely_migration` and holds a lock while it runs (an advisory lock on PostgreSQL, the write transaction
 * on SQLite), so instances starting together apply each step once.
 */
const STEPS: Record<string, (engine: StoreEngine) => Migration> = {
  '0001-initial': () => initial,
  '0002-agents': () => agents,
  '0003-link-previews': linkPreviews,
  '0004-chat-links': () => chatLinks,
  '0005-deep-links': () => deepLinks,
  '0006-participants': () => participants,
  '0007-invitations': () => invitations,
  '0008-handoff-claims': () => handoffClaims,
};

/** The steps' names in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(STEPS);

export async function migrateToLatest(db: Kysely<unknown>, engine: StoreEngine): Promise<void> {
  const migrations = Object.fromEntries(Object.entries(STEPS).map(([name, step]) => [name, step(engine)]));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
