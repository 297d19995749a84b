import * as v from 'valibot';

// String rules shared by the request schemas. Lengths count Unicode code points, so an emoji counts once whatever the
// client's string encoding.

/** Lone surrogates cannot be stored as UTF-8; replacing them keeps a retried send byte-identical to the first. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function codePointLength(text: string): number {
  return Array.from(text).length;
}

export interface TextRule {
  max: number;
  min?: number;
  /** Reject strings that are only whitespace. */
  nonBlank?: boolean;
}

/** A string, made well-formed, then held to its length rule. */
export function text(rule: TextRule) {
  return v.pipe(
    v.string('must be a string'),
    v.transform(toWellFormed),
    v.check((value) => codePointLength(value) <= rule.max, `must be at most ${rule.max} characters`),
    v.check((value) => codePointLength(value) >= (rule.min ?? 0), `must be at least ${rule.min} characters`),
    v.check((value) => !rule.nonBlank || value.trim().length > 0, 'must not be blank'),
  );
}
