import type { Database } from 'better-sqlite3';
import type { LinkPreview } from '../../src/api/wire';
import type { RefusalReason } from './fetch-refusal';
import { PREVIEW_HIT_TTL_MS } from './preview-cache-policy';
import type { CachedPreview, PreviewStore, StoredImage } from './preview-store';

interface CacheRow {
  key: string;
  preview: string | null;
  failure: string | null;
  expires_at: number;
}

/** PreviewStore on the server's SQLite database (tables from schema migration 2). */
export function createSqlitePreviewStore(db: Database): PreviewStore {
  const findCached = db.prepare<[string, number], CacheRow>('SELECT * FROM preview_cache WHERE key = ? AND expires_at > ?');
  const saveCached = db.prepare(
    `INSERT INTO preview_cache (key, preview, failure, expires_at) VALUES (@key, @preview, @failure, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET preview = excluded.preview, failure = excluded.failure, expires_at = excluded.expires_at`,
  );
  const pruneCache = db.prepare<[number]>('DELETE FROM preview_cache WHERE expires_at <= ?');
  const saveImage = db.prepare('INSERT INTO preview_images (id, body, width, height) VALUES (@id, @body, @width, @height) ON CONFLICT (id) DO NOTHING');
  const findImage = db.prepare<[string], StoredImage>('SELECT id, body, width, height FROM preview_images WHERE id = ?');

  return {
    async findCached(key, now) {
      const row = findCached.get(key, now);
      if (!row) return undefined;
      const entry: CachedPreview = { key: row.key, expiresAt: row.expires_at };
      if (row.preview !== null) entry.preview = JSON.parse(row.preview) as LinkPreview;
      if (row.failure !== null) entry.failure = row.failure as RefusalReason;
      return entry;
    },
    async saveCached(entry) {
      // Expired entries go as new ones arrive (now is at least expiresAt - the longest TTL), so the table stays small.
      pruneCache.run(entry.expiresAt - PREVIEW_HIT_TTL_MS);
      saveCached.run({
        key: entry.key,
        preview: entry.preview ? JSON.stringify(entry.preview) : null,
        failure: entry.failure ?? null,
        expiresAt: entry.expiresAt,
      });
    },
    async saveImage(image) {
      saveImage.run(image);
    },
    async findImage(id) {
      return findImage.get(id);
    },
  };
}
