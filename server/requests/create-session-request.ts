import type { CreateSessionRequest } from '../../src/api/wire';
import { LINK_SLUG_PATTERN } from '../../src/api/limits';
import { expectObject } from '../http/json-shape';
import { invalidRequest } from '../http/api-error';

/** POST .../sessions: no body, `{}`, or `{link: slug}` for a conversation started from a chat link. */
export function parseCreateSessionRequest(body: unknown): CreateSessionRequest {
  const object = expectObject(body ?? {}, 'body', ['link']);
  if (object.link === undefined) return {};
  if (typeof object.link !== 'string' || !LINK_SLUG_PATTERN.test(object.link)) throw invalidRequest('link must be a chat link slug');
  return { link: object.link };
}
