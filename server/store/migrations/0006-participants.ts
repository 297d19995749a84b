import type { Kysely } from 'kysely';

// Participants (issue 11): an app's people to invite, upserted by the business's external id. `attributes` is a JSON
// object like a deep link's; `subscribed` is 0/1 (like chat_links.disabled); last_chatted_at is set when one of the
// participant's conversations gets a visitor message.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('external_id', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('locale', 'text')
    .addColumn('attributes', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('subscribed', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('unsubscribed_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('last_chatted_at', 'text')
    .execute();
  // The upsert's conflict target.
  await db.schema.createIndex('participants_by_external_id').unique().on('participants').columns(['app_id', 'external_id']).execute();
  await db.schema.createIndex('participants_by_app').on('participants').columns(['app_id', 'created_at', 'id']).execute();
}
