import sharp from 'sharp';
import { FetchRefusal } from './fetch-refusal';
import { guardedFetch } from './guarded-fetch';
import type { FetchEnvironment } from './fetch-environment';

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Longest side of the re-encoded image, in pixels: a card is at most ~400 CSS px wide, twice that for HiDPI. */
export const PREVIEW_IMAGE_MAX_SIDE = 800;
// Decoding a small file can still claim a huge canvas (a "pixel bomb"): refuse past 40 megapixels.
const MAX_INPUT_PIXELS = 40_000_000;
const DECODABLE_FORMATS = new Set(['png', 'jpeg', 'gif', 'webp']);

export interface PreviewImage {
  body: Buffer;
  mediaType: 'image/webp';
  width: number;
  height: number;
}

/** Fetches a preview image under the same rules as the page and re-encodes it, so it can be served from our origin. */
export async function fetchPreviewImage(url: string, environment: FetchEnvironment): Promise<PreviewImage> {
  const fetched = await guardedFetch(url, {
    ...environment,
    accept: IMAGE_MEDIA_TYPES,
    maxBytes: MAX_IMAGE_BYTES,
    overflow: 'refuse',
  });
  return reencodeImage(fetched.body);
}

/**
 * Decodes only PNG, JPEG, GIF and WebP (by their content, whatever the Content-Type claimed), applies the EXIF
 * orientation, shrinks to fit PREVIEW_IMAGE_MAX_SIDE and writes a still WebP without any of the original's
 * metadata (EXIF locations, ICC comments).
 */
export async function reencodeImage(input: Buffer): Promise<PreviewImage> {
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false });
    const { format } = await image.metadata();
    if (!format || !DECODABLE_FORMATS.has(format)) throw new FetchRefusal('image_decode', format ?? 'unknown');
    const { data, info } = await image
      .rotate()
      .resize({ width: PREVIEW_IMAGE_MAX_SIDE, height: PREVIEW_IMAGE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { body: data, mediaType: 'image/webp', width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof FetchRefusal) throw error;
    throw new FetchRefusal('image_decode', (error as Error).message);
  }
}
