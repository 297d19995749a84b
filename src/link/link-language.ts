import { truncateCodePoints } from './text-bounds';

/** The link's ?lang (its first occurrence), bounded; normalized later by the language detector. */
export function readLinkLanguage(search: string): string | undefined {
  const lang = new URLSearchParams(search).get('lang');
  return lang ? truncateCodePoints(lang, 35) : undefined;
}
