import { safeHttpUrl } from '../link/safe-url';

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// CJK and full-width punctuation (。，！（）…) ends a URL as a space would: Chinese and Japanese put no space there.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'\u3000-\u303f\uff00-\uff65]+/gi;
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
