import { createHash } from 'node:crypto';
import type { AppConfig, LocaleCode } from '../../src/api/wire';
import { toBcp47 } from '../../src/i18n/locales';
import type { StaticFile } from './file-cache';
import { renderFirstScreen } from './first-screen';
import { withFirstScreenBoot } from './first-screen-boot';

/** Where index.html lets a server write the first screen: the skeleton between these comments. */
const FIRST_SCREEN = /<!--\s*first-screen\b[^>]*-->[\s\S]*?<!--\s*\/first-screen\s*-->/;
const HTML_LANG = /<html\b[^>]*>/i;
const TITLE = /<title>[^<]*<\/title>/i;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g;

export interface FirstScreenPage {
  file: StaticFile;
  /** CSP hash sources for the style attributes of the markup (brand colour, avatar hues), with 'unsafe-hashes'. */
  styleHashes: string[];
  /** CSP hash sources for script-src: the inline script that starts the page's scripts after the first paint. */
  scriptHashes: string[];
}

const variants = new Map<string, FirstScreenPage>();
const MAX_VARIANTS = 256;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|lt|gt|#39|#x27);/g, (_, name: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'", '#x27': "'" })[name]!);
}

/** The CSP hash sources that allow exactly these style attributes (CSP 3 'unsafe-hashes'). */
export function styleAttributeHashes(markup: string): string[] {
  const values = new Set([...markup.matchAll(STYLE_ATTRIBUTE)].map((match) => decodeAttribute(match[1]!)));
  if (values.size === 0) return [];
  const hashes = [...values].map((value) => `'sha256-${createHash('sha256').update(value, 'utf8').digest('base64')}'`);
  return ["'unsafe-hashes'", ...hashes];
}

/**
 * The page's index.html with the app's first screen written in (header and welcome, as the page's first render draws
 * them, inert until the page replaces them), its language and its title, and the config it was drawn with, the page's
 * scripts (and `preloads`, its expected language file) started after the first paint (first-screen-boot.ts).
 * Undefined when index.html has no place for it (a build of another shape): the caller serves it as it is.
 * One variant per (index version, app config, locale, frame), kept while the index is unchanged.
 */
export function pageWithFirstScreen(
  index: StaticFile,
  config: AppConfig,
  locale: LocaleCode,
  embedded: boolean,
  preloads: readonly string[] = [],
): FirstScreenPage | undefined {
  const html = index.body.toString('utf8');
  if (!FIRST_SCREEN.test(html)) return undefined;
  const key = `${index.etag} ${locale} ${embedded ? 'framed' : 'page'} ${preloads.join(' ')} ${JSON.stringify(config)}`;
  let variant = variants.get(key);
  if (variant) return variant;

  const markup = renderFirstScreen(config, locale, embedded);
  const screen = html
    .replace(HTML_LANG, (tag) => (/\slang="[^"]*"/i.test(tag) ? tag.replace(/\slang="[^"]*"/i, ` lang="${toBcp47(locale)}"`) : tag.replace(/>$/, ` lang="${toBcp47(locale)}">`)))
    .replace(TITLE, () => `<title>${escapeHtml(config.branding.title)}</title>`)
    .replace(FIRST_SCREEN, () => markup);
  const page = withFirstScreenBoot(screen, config, locale, preloads);
  const body = Buffer.from(page.html, 'utf8');
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  variant = {
    file: { ...index, body, etag: `W/"${digest}"`, encoded: {} },
    styleHashes: styleAttributeHashes(markup),
    scriptHashes: page.scriptHashes,
  };
  if (variants.size >= MAX_VARIANTS) variants.clear();
  variants.set(key, variant);
  return variant;
}
