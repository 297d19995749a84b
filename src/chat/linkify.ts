import { safeHttpUrl } from '../link/safe-url';

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that ends a sentence rather than the URL: "see https://example.com."
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»”’]+$/;

/** Splits message text into plain text and http(s) links, keeping every character in order. */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHttpUrl(candidate);
    if (!href) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}
