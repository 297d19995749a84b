import type { Kysely } from 'kysely';

// Agent accounts: a role, a personal token (only its SHA-256 hash is kept) and the apps each account may work in.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agents')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('disabled', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('agent_apps')
    .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id'))
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('agent_apps_pkey', ['agent_id', 'app_id'])
    .execute();
}
