import type { Kysely, Migration } from 'kysely';
import type { StoreEngine } from '../store';

// Link previews (issue 12): the preview shown with a message, each page's outcome for the cache, and the
// re-encoded images served from our origin. Times are ISO-8601 text like every other time here.
export function linkPreviews(engine: StoreEngine): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('messages').addColumn('preview', 'text').execute();
      await db.schema
        .createTable('preview_cache')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('preview', 'text')
        .addColumn('failure', 'text')
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('preview_cache_by_expiry').on('preview_cache').column('expires_at').execute();
      await db.schema
        .createTable('preview_images')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('body', engine === 'postgres' ? 'bytea' : 'blob', (column) => column.notNull())
        .addColumn('width', 'integer', (column) => column.notNull())
        .addColumn('height', 'integer', (column) => column.notNull())
        .execute();
    },
  };
}
