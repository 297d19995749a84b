import type { SendMessageRequest } from '../../src/api/wire';
import { CLIENT_ID_PATTERN, MAX_MESSAGE_LENGTH, MAX_PAGE_SIZE } from '../../src/api/limits';
import { invalidRequest } from '../http/api-error';
import { expectObject, requiredString, type StringRule } from '../http/json-shape';

export const DEFAULT_PAGE_SIZE = 50;

export const CLIENT_ID_RULE: StringRule = { max: 64, pattern: CLIENT_ID_PATTERN };
export const MESSAGE_TEXT_RULE: StringRule = { max: MAX_MESSAGE_LENGTH, min: 1, nonBlank: true };

export interface PageQuery {
  after?: number;
  before?: number;
  limit: number;
}

/** POST .../sessions/{id}/messages: {clientId, text}. */
export function parseSendMessageRequest(body: unknown): SendMessageRequest {
  const object = expectObject(body ?? {}, 'body', ['clientId', 'text']);
  return {
    clientId: requiredString(object, 'clientId', 'body', CLIENT_ID_RULE),
    text: requiredString(object, 'text', 'body', MESSAGE_TEXT_RULE),
  };
}

/** ?after=&before=&limit= : exclusive seq bounds, limit 1..MAX_PAGE_SIZE (default 50). */
export function parsePageQuery(query: URLSearchParams): PageQuery {
  const after = wholeNumber(query, 'after');
  const before = wholeNumber(query, 'before');
  const limit = wholeNumber(query, 'limit') ?? DEFAULT_PAGE_SIZE;
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw invalidRequest(`limit must be from 1 to ${MAX_PAGE_SIZE}`);
  return { after, before, limit };
}

export function wholeNumber(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw invalidRequest(`${name} must be a whole number`);
  return Number(raw);
}
