import { randomInt } from 'node:crypto';
import { LINK_SLUG_PATTERN } from '../../src/api/limits';
import { RESERVED_SLUGS } from './reserved-slugs';

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i (31 symbols: 8 of them carry ~39.6 bits). */
export const SLUG_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const GENERATED_SLUG_LENGTH = 8;

export type SlugProblem = 'too_short' | 'too_long' | 'invalid_characters' | 'edge_hyphen' | 'reserved';

/** A fresh slug from a cryptographic source. Uniqueness is the store's job (a unique index; retry on collision). */
export function generateSlug(pick: (max: number) => number = randomInt): string {
  let slug = '';
  for (let i = 0; i < GENERATED_SLUG_LENGTH; i++) slug += SLUG_ALPHABET[pick(SLUG_ALPHABET.length)];
  return slug;
}

/** Why an agent's slug cannot be used, or undefined when it can. */
export function slugProblem(slug: string): SlugProblem | undefined {
  if (slug.length < 3) return 'too_short';
  if (slug.length > 64) return 'too_long';
  if (!/^[a-z0-9-]+$/.test(slug)) return 'invalid_characters';
  if (!LINK_SLUG_PATTERN.test(slug)) return 'edge_hyphen';
  if (RESERVED_SLUGS.has(slug)) return 'reserved';
  return undefined;
}

export const SLUG_PROBLEM_MESSAGES: Record<SlugProblem, string> = {
  too_short: 'Use at least 3 characters.',
  too_long: 'Use at most 64 characters.',
  invalid_characters: 'Use only lower-case letters a–z, digits and hyphens.',
  edge_hyphen: 'Start and end with a letter or digit.',
  reserved: 'This word is reserved (a page name or language code). Choose another.',
};
