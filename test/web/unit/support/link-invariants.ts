import { expect } from 'vitest';
import type { DirectLink } from '../../../../src/link/direct-link';
import { CLAIM_KEYS, IDENTITY_KEYS, SIGNED_KEYS } from '../../../../src/link/direct-link';
import {
  IDENTITY_LIMITS,
  MAX_VARS,
  MAX_VAR_VALUE_LENGTH,
  SESSION_ID_PATTERN,
  VAR_KEY_PATTERN,
} from '../../../../src/api/limits';
import type { CreateVisitorRequest } from '../../../../src/api/wire';
import { MAX_JSON_BODY_BYTES } from '../../../../server/http/read-json-body';
import { CONTROL_OR_BIDI, codePoints, isWellFormed } from './text-checks';

/** The largest JSON body the reference server reads: what the page sends must fit. */
export const SERVER_MAX_JSON_BODY_BYTES = MAX_JSON_BODY_BYTES;

/** The body the page posts to /visitors for a parsed link. */
export function visitorBody(link: DirectLink): CreateVisitorRequest {
  return {
    locale: 'en',
    ...(link.identity ? { identity: link.identity } : {}),
    ...(Object.keys(link.vars).length > 0 ? { vars: link.vars } : {}),
  };
}

/** Everything the link contract (design.md §2) promises about a parsed link, whatever the query was. */
export function expectLinkContract(search: string, link: DirectLink): void {
  const first = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(search)) if (!first.has(key)) first.set(key, value);

  // chatId: only with direct=1 and a well-formed id; never both an id and "malformed".
  if (link.chatId !== undefined) {
    expect(first.get('direct')).toBe('1');
    expect(link.chatId).toMatch(SESSION_ID_PATTERN);
    expect(link.chatIdMalformed).toBe(false);
  }
  if (link.chatIdMalformed) expect(first.get('direct')).toBe('1');

  // Identity: all three signed fields, exactly as the first occurrence in the link, or nothing.
  if (link.identity) {
    expect(link.identityMalformed).toBe(false);
    for (const key of SIGNED_KEYS) {
      expect(typeof link.identity[key]).toBe('string');
      expect(link.identity[key]).not.toBe('');
      expect(link.identity[key].length).toBeLessThanOrEqual(IDENTITY_LIMITS[key]);
      expect(link.identity[key]).toBe(first.get(key));
    }
    for (const key of CLAIM_KEYS) {
      const claim = link.identity[key];
      if (claim === undefined) continue;
      expect(typeof claim).toBe('string');
      expect(claim.trim()).not.toBe('');
      // Trimmed before truncation: a cut can end on a space (the server trims again), never start on one.
      expect(claim).toBe(claim.trimStart());
      expect(codePoints(claim)).toBeLessThanOrEqual(IDENTITY_LIMITS[key]);
      expect(claim).not.toMatch(CONTROL_OR_BIDI);
      expect(isWellFormed(claim)).toBe(true);
    }
    expect(Object.keys(link.identity).every((key) => IDENTITY_KEYS.includes(key))).toBe(true);
  }

  // Vars: a plain object of at most MAX_VARS bounded strings, never a contract parameter.
  expect(Object.getPrototypeOf(link.vars)).toBe(Object.prototype);
  const keys = Object.keys(link.vars);
  expect(keys.length).toBeLessThanOrEqual(MAX_VARS);
  for (const key of keys) {
    expect(key).toMatch(VAR_KEY_PATTERN);
    expect(['direct', 'chatid', 'chat_id', 'lang', ...IDENTITY_KEYS]).not.toContain(key);
    const value = Object.getOwnPropertyDescriptor(link.vars, key)?.value;
    expect(typeof value).toBe('string');
    expect(codePoints(value)).toBeLessThanOrEqual(MAX_VAR_VALUE_LENGTH);
    expect(value).not.toMatch(CONTROL_OR_BIDI);
  }

  // What is posted survives JSON unchanged and fits in what the server reads.
  const body = visitorBody(link);
  const json = JSON.stringify(body);
  expect(JSON.parse(json)).toEqual(body);
  expect(new TextEncoder().encode(json).length).toBeLessThan(SERVER_MAX_JSON_BODY_BYTES);
}
