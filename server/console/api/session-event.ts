// The app stream's `session` and `preview` events, checked before they touch state: the stream is remote input.
import * as v from 'valibot';
import type { AgentPreviewEvent, AgentSessionSummary } from '../../agent-wire';
import { agentPreviewEventSchema, agentSessionSummarySchema } from '../../schemas/agent-wire-schemas';

function parse<T>(schema: v.GenericSchema, data: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return v.is(schema, value) ? (value as T) : null;
}

export const parseSessionEvent = (data: string) => parse<AgentSessionSummary>(agentSessionSummarySchema, data);
export const parsePreviewEvent = (data: string) => parse<AgentPreviewEvent>(agentPreviewEventSchema, data);
