import type { LocaleCode } from '../../src/api/wire';
import { LINK_LOCALE_META } from '../../src/link/link-locale';
import type { StaticFile } from './file-cache';

const variants = new Map<string, StaticFile>();

/**
 * The page's index.html naming a fixed-locale chat link's language, so the page loads that language first and the
 * first paint costs no extra trip. One variant per (index version, locale), kept with the file's own ETag scheme.
 */
export function pageWithLinkLocale(index: StaticFile, locale: LocaleCode): StaticFile {
  const key = `${index.etag} ${locale}`;
  let variant = variants.get(key);
  if (!variant) {
    const html = index.body.toString('utf8').replace('</head>', `<meta name="${LINK_LOCALE_META}" content="${locale}" />\n</head>`);
    variant = { ...index, body: Buffer.from(html, 'utf8'), etag: `${index.etag.replace(/"$/, '')}-${locale}"`, encoded: {} };
    if (variants.size > 64) variants.clear();
    variants.set(key, variant);
  }
  return variant;
}
