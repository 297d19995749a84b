import type { Bus } from './bus';
import { createInProcessBus } from './in-process-bus';
import { createPostgresBus } from './postgres-bus';

/** LISTEN/NOTIFY when instances share PostgreSQL; in-process for the embedded SQLite (one instance). */
export function createBus(databaseUrl: string | undefined): Bus {
  return databaseUrl ? createPostgresBus(databaseUrl) : createInProcessBus();
}
