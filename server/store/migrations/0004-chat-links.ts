import type { Kysely } from 'kysely';

// Chat links (/c/<slug>, issue 9). Every slug a link ever had stays in chat_link_slugs, so a renamed link keeps
// answering. Engagement is counts only: per link and UTC day, and per participant (a verified customer id or a
// visitor id); no IP address or user agent is stored. A session started from a link names it in sessions.link_id;
// chat_link_uses marks the session whose first visitor message was counted as a use.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_links')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('app_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('active_from', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('slug', 'text', (column) => column.notNull())
    .addColumn('per_participant_limit', 'integer')
    .addColumn('disabled', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('chat_links_by_app').on('chat_links').columns(['app_id', 'created_at']).execute();

  await db.schema
    .createTable('chat_link_slugs')
    .addColumn('slug', 'text', (column) => column.primaryKey())
    .addColumn('link_id', 'text', (column) => column.notNull().references('chat_links.id'))
    .execute();

  await db.schema.alterTable('sessions').addColumn('link_id', 'text', (column) => column.references('chat_links.id')).execute();

  await db.schema
    .createTable('chat_link_uses')
    .addColumn('session_id', 'text', (column) => column.primaryKey().references('sessions.id'))
    .addColumn('link_id', 'text', (column) => column.notNull().references('chat_links.id'))
    .addColumn('participant', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('chat_link_participants')
    .addColumn('link_id', 'text', (column) => column.notNull().references('chat_links.id'))
    .addColumn('participant', 'text', (column) => column.notNull())
    .addColumn('uses', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('chat_link_participants_pkey', ['link_id', 'participant'])
    .execute();

  await db.schema
    .createTable('chat_link_days')
    .addColumn('link_id', 'text', (column) => column.notNull().references('chat_links.id'))
    .addColumn('day', 'text', (column) => column.notNull())
    .addColumn('opens', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('conversations', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('messages', 'integer', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('chat_link_days_pkey', ['link_id', 'day'])
    .execute();
}
