// The app stream's `session` event, checked before it touches state: the stream is remote input.
import * as v from 'valibot';
import type { AgentSessionSummary } from '../../agent-wire';
import { agentSessionSummarySchema } from '../../schemas/agent-wire-schemas';

export function parseSessionEvent(data: string): AgentSessionSummary | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return v.is(agentSessionSummarySchema, value) ? (value as AgentSessionSummary) : null;
}
