import type { LinkPreview } from '../../src/api/wire';
import type { RefusalReason } from './fetch-refusal';

/** One page's outcome: a preview, or why there is none; trusted until `expiresAt` (ms since the epoch). */
export interface CachedPreview {
  key: string;
  preview?: LinkPreview;
  failure?: RefusalReason;
  expiresAt: number;
}

/** A re-encoded preview image, named by the SHA-256 of its bytes. */
export interface StoredImage {
  id: string;
  body: Buffer;
  width: number;
  height: number;
}

/** Where previews and their images are kept; one implementation per storage engine. */
export interface PreviewStore {
  /** The entry for `key` unless it expired by `now`. */
  findCached(key: string, now: number): Promise<CachedPreview | undefined>;
  saveCached(entry: CachedPreview): Promise<void>;
  saveImage(image: StoredImage): Promise<void>;
  findImage(id: string): Promise<StoredImage | undefined>;
}
