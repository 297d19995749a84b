import { sql, type Kysely } from 'kysely';

// The first schema. `if not exists` everywhere: an embedded database made before versioned migrations (with
// PRAGMA user_version = 1) already holds exactly these tables, and this step then only records itself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visitors')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('customer_id', 'text')
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('claims', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('vars', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('visitors_by_customer')
    .ifNotExists()
    .on('visitors')
    .columns(['app_id', 'customer_id'])
    .where(sql.ref('customer_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('used_nonces')
    .ifNotExists()
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('sbs', 'text', (column) => column.notNull())
    .addColumn('ranstr', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('used_nonces_pkey', ['app_id', 'sbs', 'ranstr'])
    .execute();

  await db.schema
    .createTable('sessions')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('visitor_id', 'text', (column) => column.notNull().references('visitors.id'))
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('last_seq', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_visitor').ifNotExists().on('sessions').columns(['visitor_id', 'created_at']).execute();
  await db.schema.createIndex('sessions_by_activity').ifNotExists().on('sessions').columns(['app_id', 'updated_at']).execute();

  await db.schema
    .createTable('messages')
    .ifNotExists()
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('session_id', 'text', (column) => column.notNull().references('sessions.id'))
    .addColumn('seq', 'integer', (column) => column.notNull())
    .addColumn('client_id', 'text')
    .addColumn('author_role', 'text', (column) => column.notNull().check(sql`author_role in ('visitor', 'agent', 'system')`))
    .addColumn('author_name', 'text')
    .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('text', 'link')`))
    .addColumn('text', 'text')
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('messages_session_seq', ['session_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('messages_by_client_id')
    .ifNotExists()
    .unique()
    .on('messages')
    .columns(['session_id', 'author_role', 'client_id'])
    .where(sql.ref('client_id'), 'is not', null)
    .execute();
}
