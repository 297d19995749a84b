import type { IncomingMessage } from 'node:http';
import { invalidRequest } from '../http/api-error';

/** The seq a reconnecting client saw last, from the Last-Event-ID header; undefined on a first connection. */
export function readLastEventId(request: IncomingMessage): number | undefined {
  const raw = request.headers['last-event-id'];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw.trim())) throw invalidRequest('Last-Event-ID must be a seq');
  return Number(raw.trim());
}
