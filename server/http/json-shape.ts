import { invalidRequest } from './api-error';

// Small checks for request bodies: every failure is 400 invalid_request naming the field, never a 500.

export type JsonObject = Record<string, unknown>;

export interface StringRule {
  max: number;
  min?: number;
  pattern?: RegExp;
  /** Reject strings that are only whitespace. */
  nonBlank?: boolean;
}

export function expectObject(value: unknown, where: string, allowedKeys: readonly string[]): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest(`${where} must be a JSON object`);
  }
  for (const key of Object.keys(value)) {
    if (!allowedKeys.includes(key)) throw invalidRequest(`${where} has an unknown field "${truncate(key)}"`);
  }
  return value as JsonObject;
}

export function requiredString(object: JsonObject, key: string, where: string, rule: StringRule): string {
  const value = object[key];
  if (value === undefined) throw invalidRequest(`${where}.${key} is required`);
  return checkString(value, `${where}.${key}`, rule);
}

export function optionalString(object: JsonObject, key: string, where: string, rule: StringRule): string | undefined {
  const value = object[key];
  return value === undefined ? undefined : checkString(value, `${where}.${key}`, rule);
}

export function requiredBoolean(object: JsonObject, key: string, where: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean') throw invalidRequest(`${where}.${key} must be true or false`);
  return value;
}

export function checkString(value: unknown, where: string, rule: StringRule): string {
  if (typeof value !== 'string') throw invalidRequest(`${where} must be a string`);
  const text = toWellFormed(value);
  const length = codePointLength(text);
  if (length > rule.max) throw invalidRequest(`${where} must be at most ${rule.max} characters`);
  if (length < (rule.min ?? 0)) throw invalidRequest(`${where} must be at least ${rule.min} characters`);
  if (rule.nonBlank && text.trim().length === 0) throw invalidRequest(`${where} must not be blank`);
  if (rule.pattern && !rule.pattern.test(text)) throw invalidRequest(`${where} does not match ${rule.pattern}`);
  return text;
}

/** Length in Unicode code points, so an emoji counts once whatever the client's string encoding. */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Lone surrogates cannot be stored as UTF-8; replacing them keeps a retried send byte-identical to the first. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function truncate(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}
