import { decodeHtml } from './decode-html';
import { extractMetadata } from './extract-metadata';
import type { FetchEnvironment } from './fetch-environment';
import { FetchRefusal } from './fetch-refusal';
import { guardedFetch } from './guarded-fetch';
import type { PagePreview } from './page-preview';
import { fetchPreviewImage, type PreviewImage } from './preview-image';

/** HTML read per page; metadata sits in <head>, so a longer page is cut here rather than refused. */
export const MAX_HTML_BYTES = 512 * 1024;

export interface UnfurledLink {
  preview: PagePreview;
  /** The page's image, re-encoded; absent when the page names none or it could not be fetched under the rules. */
  image?: PreviewImage;
}

/** Fetches a link's page and image under the SSRF rules. Throws FetchRefusal when there is nothing to show. */
export async function unfurlLink(url: string, environment: FetchEnvironment): Promise<UnfurledLink> {
  const page = await guardedFetch(url, { ...environment, accept: ['text/html'], maxBytes: MAX_HTML_BYTES, overflow: 'truncate' });
  const preview = await extractMetadata(decodeHtml(page.body, page.charset), page.url, url);
  if (!preview) throw new FetchRefusal('no_metadata');
  if (!preview.imageUrl) return { preview };
  try {
    return { preview, image: await fetchPreviewImage(preview.imageUrl, environment) };
  } catch (error) {
    if (!(error instanceof FetchRefusal)) throw error;
    const { imageUrl: _dropped, ...withoutImage } = preview;
    return { preview: withoutImage };
  }
}
