import type { Kysely } from 'kysely';

// Invitations (issue 11): the definition, its frozen audience (one row per recipient, skipped ones too, with their
// personal link's and unsubscribe token's hashes once handed off) and each recipient's timeline. Deep links issued
// for an invitation name it, so a link of a closed invitation says so.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('opens_at', 'text', (column) => column.notNull())
    .addColumn('closes_at', 'text', (column) => column.notNull())
    .addColumn('response_limit', 'integer')
    .addColumn('target', 'text', (column) => column.notNull())
    .addColumn('locale_match_only', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('messages', 'text', (column) => column.notNull())
    .addColumn('seed', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('origin', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    .execute();
  await db.schema.createIndex('invitations_by_app').on('invitations').columns(['app_id', 'created_at']).execute();
  await db.schema.createIndex('invitations_by_status').on('invitations').columns(['status', 'opens_at']).execute();
  await db.schema
    .createTable('invitation_recipients')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('invitation_id', 'text', (column) => column.notNull())
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('external_id', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('address', 'text')
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('attributes', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('skip_reason', 'text')
    .addColumn('error', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('deep_link_hash', 'text')
    .addColumn('unsubscribe_hash', 'text')
    .addColumn('opened_at', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('invitation_recipients_once', ['invitation_id', 'external_id'])
    .execute();
  await db.schema.createIndex('invitation_recipients_queue').on('invitation_recipients').columns(['invitation_id', 'status', 'position']).execute();
  await db.schema.createIndex('invitation_recipients_by_person').on('invitation_recipients').columns(['app_id', 'external_id']).execute();
  await db.schema.createIndex('invitation_recipients_by_link').on('invitation_recipients').column('deep_link_hash').execute();
  await db.schema.createIndex('invitation_recipients_by_unsubscribe').on('invitation_recipients').column('unsubscribe_hash').execute();
  await db.schema.createIndex('invitation_recipients_by_provider_id').on('invitation_recipients').column('provider_id').execute();
  await db.schema
    .createTable('invitation_events')
    .addColumn('recipient_id', 'text', (column) => column.notNull())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('event', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('invitation_events_by_recipient').on('invitation_events').columns(['recipient_id', 'at']).execute();
  await db.schema.alterTable('deep_links').addColumn('invitation_id', 'text').execute();
}
