import * as v from 'valibot';
import { codePointLength, isBlankText, stripControlCharacters } from '../../src/link/text-bounds';

// String rules shared by the request schemas. Lengths count Unicode code points, so an emoji counts once whatever the
// client's string encoding.

/** Lone surrogates cannot be stored as UTF-8; replacing them keeps a retried send byte-identical to the first. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export { codePointLength };

export interface TextRule {
  max: number;
  min?: number;
  /** Reject strings that show nothing: only whitespace, controls or invisible characters. */
  nonBlank?: boolean;
  /** Remove control and bidi-override characters first (the page's rule for claims and variables). */
  stripControls?: boolean;
}

/** A string, made well-formed, then held to its length rule. */
export function text(rule: TextRule) {
  return v.pipe(
    v.string('must be a string'),
    v.transform((value) => (rule.stripControls ? stripControlCharacters(toWellFormed(value)) : toWellFormed(value))),
    v.check((value) => codePointLength(value) <= rule.max, `must be at most ${rule.max} characters`),
    v.check((value) => codePointLength(value) >= (rule.min ?? 0), `must be at least ${rule.min} characters`),
    v.check((value) => !rule.nonBlank || !isBlankText(value), 'must not be blank'),
  );
}
