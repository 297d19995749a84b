/** Unicode code points, not UTF-16 units: the unit every bound in src/api/limits.ts is counted in. */
export const codePoints = (text: string): number => Array.from(text).length;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

// The characters the page promises to strip from text it forwards: C0/C1 controls and bidi overrides/isolates.
export const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
