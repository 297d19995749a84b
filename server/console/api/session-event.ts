// The app stream's `session` event, checked before it touches state: the stream is remote input.
import type { AgentSessionSummary } from '../../agent-wire';

export function parseSessionEvent(data: string): AgentSessionSummary | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<AgentSessionSummary>;
  const visitor = s.visitor as Partial<AgentSessionSummary['visitor']> | undefined;
  const valid =
    typeof s.id === 'string' &&
    typeof s.appId === 'string' &&
    (s.status === 'open' || s.status === 'closed') &&
    typeof s.lastSeq === 'number' &&
    Number.isInteger(s.lastSeq) &&
    typeof s.createdAt === 'string' &&
    typeof s.updatedAt === 'string' &&
    typeof visitor === 'object' &&
    visitor !== null &&
    typeof visitor.id === 'string' &&
    typeof visitor.verified === 'boolean';
  return valid ? (s as AgentSessionSummary) : null;
}
