import type { Kysely } from 'kysely';

// Which server instance took a recipient for hand-off, so another instance's start does not report a hand-off still
// in flight as `unknown` (several instances on PostgreSQL).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invitation_recipients').addColumn('claimed_by', 'text').execute();
}
