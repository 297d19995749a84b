import { codePointLength, stripControlCharacters } from '../../src/link/text-bounds';
import { toWellFormed } from '../requests/text-rules';

// The rules for the attributes a business sends with each user of a deep-link request. Pure: the request schema
// reports their problems, the domain normalizes what passed.

export type AttributeScalar = string | number | boolean;
/** A scalar, or a collection of scalars. */
export type AttributeValue = AttributeScalar | AttributeScalar[];
export type DeepLinkAttributes = Record<string, AttributeValue>;

export const ATTRIBUTE_LIMITS = {
  /** Keys per user. */
  keys: 50,
  /** Key: a letter or underscore, then letters, digits, `_ . -`; at most this long. */
  keyLength: 64,
  /** A string value, or each string of a collection, in code points. */
  valueLength: 1000,
  /** Items of one collection. */
  items: 100,
  /** All of one user's attributes as JSON, in bytes. */
  totalBytes: 8192,
} as const;

export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** Why an attribute is refused; the code in the error's details. */
export type AttributeProblemCode =
  | 'invalid_key'
  | 'nested_object'
  | 'array_of_objects'
  | 'nested_array'
  | 'null_value'
  | 'invalid_value'
  | 'value_too_long'
  | 'too_many_items';

export interface AttributeProblem {
  /** The attribute's key; with `item` for one entry of a collection. */
  key: string;
  item?: number;
  code: AttributeProblemCode;
}

/** What is wrong with one attribute's value (as JSON parsed it), or undefined. */
function valueProblem(value: unknown): { code: AttributeProblemCode; item?: number } | undefined {
  if (Array.isArray(value)) {
    if (value.length > ATTRIBUTE_LIMITS.items) return { code: 'too_many_items' };
    for (const [item, entry] of value.entries()) {
      if (Array.isArray(entry)) return { code: 'nested_array', item };
      if (entry !== null && typeof entry === 'object') return { code: 'array_of_objects', item };
      const problem = scalarProblem(entry);
      if (problem) return { code: problem, item };
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') return { code: 'nested_object' };
  const problem = scalarProblem(value);
  return problem && { code: problem };
}

function scalarProblem(value: unknown): AttributeProblemCode | undefined {
  if (value === null) return 'null_value';
  if (typeof value === 'string') return codePointLength(value) > ATTRIBUTE_LIMITS.valueLength ? 'value_too_long' : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'invalid_value';
  return typeof value === 'boolean' ? undefined : 'invalid_value';
}

/** Every problem of one user's attributes (an object already), in key order. */
export function attributeProblems(attributes: Record<string, unknown>): AttributeProblem[] {
  const problems: AttributeProblem[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (!ATTRIBUTE_KEY_PATTERN.test(key)) {
      problems.push({ key, code: 'invalid_key' });
      continue;
    }
    const problem = valueProblem(value);
    if (problem) problems.push({ key, ...problem });
  }
  return problems;
}

/** Too many keys, or too large as a whole (checked once the single values pass). */
export function attributesSizeProblem(attributes: Record<string, unknown>): 'too_many_attributes' | 'attributes_too_large' | undefined {
  if (Object.keys(attributes).length > ATTRIBUTE_LIMITS.keys) return 'too_many_attributes';
  if (Buffer.byteLength(JSON.stringify(attributes), 'utf8') > ATTRIBUTE_LIMITS.totalBytes) return 'attributes_too_large';
  return undefined;
}

const cleanText = (text: string) => stripControlCharacters(toWellFormed(text));
const cleanScalar = (value: AttributeScalar): AttributeScalar => (typeof value === 'string' ? cleanText(value) : value);

/** "a, b,,c" → ["a", "b", "c"]: trimmed, empty entries dropped. */
export function splitCollection(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Attributes as stored, from ones that passed `attributeProblems`: scalars as they are (strings without control or
 * bidi-override characters), arrays as collections, and a comma-separated string as a collection only for a key the
 * scenario declares as one (so "Paris, FR" stays one value otherwise).
 */
export function normalizeAttributes(attributes: Record<string, AttributeValue>, collections: ReadonlySet<string>): DeepLinkAttributes {
  const normalized: DeepLinkAttributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (Array.isArray(value)) normalized[key] = value.map(cleanScalar);
    else if (typeof value === 'string' && collections.has(key)) normalized[key] = splitCollection(cleanText(value));
    else normalized[key] = cleanScalar(value);
  }
  return normalized;
}

/** An attribute as text: a collection's entries joined with ", ". */
export function attributeText(value: AttributeValue): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}
