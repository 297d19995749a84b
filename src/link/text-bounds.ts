/** Cut to at most `max` code points, never splitting a surrogate pair. */
export function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  return Array.from(text).slice(0, max).join('');
}

// C0/C1 controls and the bidi overrides that can disguise text shown to agents.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** Length as a person (and the server) counts it: an emoji is one, not two UTF-16 units. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// Whitespace, controls, format characters (zero-width space, word joiner, soft hyphen, bidi marks) and the
// characters that render as nothing (Hangul fillers, braille blank): text made only of these shows as blank.
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/** True when nothing of the text would be visible: refused as blank wherever a message must say something. */
export function isBlankText(text: string): boolean {
  return INVISIBLE.test(text);
}
