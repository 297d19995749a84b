import { truncateCodePoints } from './text-bounds';

/** A link's ?lang value, bounded; normalized later by the language detector. */
export const boundedLanguage = (lang: string | null | undefined): string | undefined => (lang ? truncateCodePoints(lang, 35) : undefined);

/** The link's ?lang (its first occurrence). */
export const readLinkLanguage = (search: string): string | undefined => boundedLanguage(new URLSearchParams(search).get('lang'));
