import { expectObject } from '../http/json-shape';

/** Calls that take no input accept no body or `{}`; anything else is 400. */
export function parseEmptyRequest(body: unknown): void {
  expectObject(body ?? {}, 'body', []);
}
