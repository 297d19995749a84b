// Splits message text into plain runs and http(s) links, so links can be rendered as anchors and the rest as text.
import { httpUrl } from './http-url';

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// Sentence punctuation after a URL is almost never part of it.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}]+$/;

export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  const push = (run: string) => {
    if (!run) return;
    const previous = segments[segments.length - 1];
    if (previous?.kind === 'text') previous.text += run;
    else segments.push({ kind: 'text', text: run });
  };
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = httpUrl(candidate);
    push(text.slice(last, start));
    if (href) segments.push({ kind: 'link', text: candidate, href });
    else push(candidate);
    last = start + candidate.length;
  }
  push(text.slice(last));
  return segments;
}
