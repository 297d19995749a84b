import type { LinkPreview } from '../../src/api/wire';
import type { RefusalReason } from '../previews/fetch-refusal';
import { PREVIEW_HIT_TTL_MS } from '../previews/preview-cache-policy';
import type { CachedPreview, PreviewStore } from '../previews/preview-store';
import type { StoreCore } from './store-core';

const iso = (ms: number) => new Date(ms).toISOString();

/** The link-preview cache and its images (tables from migration 0002), on either engine. */
export function createPreviewCacheStore(core: StoreCore): PreviewStore {
  return {
    findCached: (key, now) =>
      core.read(async (db) => {
        const row = await db.selectFrom('preview_cache').selectAll().where('key', '=', key).where('expires_at', '>', iso(now)).executeTakeFirst();
        if (!row) return undefined;
        const entry: CachedPreview = { key: row.key, expiresAt: Date.parse(row.expires_at) };
        if (row.preview !== null) entry.preview = JSON.parse(row.preview) as LinkPreview;
        if (row.failure !== null) entry.failure = row.failure as RefusalReason;
        return entry;
      }),
    saveCached: (entry) =>
      core.write(async ({ trx }) => {
        // Expired entries go as new ones arrive (now is at least expiresAt minus the longest TTL): the table stays small.
        await trx.deleteFrom('preview_cache').where('expires_at', '<=', iso(entry.expiresAt - PREVIEW_HIT_TTL_MS)).execute();
        const row = {
          key: entry.key,
          preview: entry.preview ? JSON.stringify(entry.preview) : null,
          failure: entry.failure ?? null,
          expires_at: iso(entry.expiresAt),
        };
        await trx
          .insertInto('preview_cache')
          .values(row)
          .onConflict((conflict) => conflict.column('key').doUpdateSet({ preview: row.preview, failure: row.failure, expires_at: row.expires_at }))
          .execute();
      }),
    saveImage: (image) =>
      core.write(async ({ trx }) => {
        await trx.insertInto('preview_images').values(image).onConflict((conflict) => conflict.column('id').doNothing()).execute();
      }),
    findImage: (id) =>
      core.read(async (db) => {
        const row = await db.selectFrom('preview_images').selectAll().where('id', '=', id).executeTakeFirst();
        return row && { ...row, body: Buffer.from(row.body) };
      }),
  };
}
