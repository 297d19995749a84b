import ogs from 'open-graph-scraper';
import { safeHttpUrl } from '../../src/link/safe-url';
import { stripControlCharacters, truncateCodePoints } from '../../src/link/text-bounds';
import { MAX_PREVIEW_URL_LENGTH, PREVIEW_TEXT_LIMITS, type PagePreview } from './page-preview';

/**
 * Reads Open Graph, Twitter and plain HTML metadata (title, meta description) from HTML fetched by the guarded
 * fetcher. open-graph-scraper is only given the HTML, so it never makes a request of its own. Undefined when the
 * page has no title at all: a card without one says nothing.
 */
export async function extractMetadata(html: string, pageUrl: string, linkUrl: string): Promise<PagePreview | undefined> {
  let result;
  try {
    ({ result } = await ogs({ html, jsonLDOptions: { throwOnJSONParseError: false, logOnJSONParseError: false } }));
  } catch {
    return undefined;
  }
  const title = cleanText(result.ogTitle ?? result.twitterTitle ?? result.dcTitle, PREVIEW_TEXT_LIMITS.title);
  if (!title) return undefined;
  const imageUrl = [...(result.ogImage ?? []), ...(result.twitterImage ?? [])]
    .map((image) => absoluteHttpUrl(image.url, pageUrl))
    .find(Boolean);
  return omitEmpty({
    url: linkUrl,
    title,
    description: cleanText(result.ogDescription ?? result.twitterDescription ?? result.dcDescription, PREVIEW_TEXT_LIMITS.description),
    siteName: cleanText(result.ogSiteName, PREVIEW_TEXT_LIMITS.siteName),
    imageUrl,
  });
}

/** One line of plain text: controls and bidi overrides removed, white space collapsed, cut with an ellipsis. */
export function cleanText(value: string | undefined, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = stripControlCharacters(value.replace(/\s+/g, ' ')).trim();
  if (!text) return undefined;
  const cut = truncateCodePoints(text, max);
  return cut === text ? text : `${truncateCodePoints(text, max - 1).trimEnd()}…`;
}

/** Resolves a possibly relative URL against the page; only http(s) without credentials, of a sane length. */
export function absoluteHttpUrl(value: string | undefined, pageUrl: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim(), pageUrl);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.href.length > MAX_PREVIEW_URL_LENGTH) return undefined;
  return safeHttpUrl(url.href);
}

function omitEmpty(preview: PagePreview): PagePreview {
  return Object.fromEntries(Object.entries(preview).filter(([, value]) => value !== undefined)) as PagePreview;
}
