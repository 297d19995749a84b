import type { ApiContext } from '../api-context';
import type { CheckedRows } from '../requests/participant-request';
import type { ParticipantRecord } from '../store/records';
import type { AgentParticipant, ParticipantImportReport } from './participant-wire';

/** Saves the rows that passed their checks (one unit of work) and reports them with the rejected ones. */
export async function saveParticipants(context: ApiContext, appId: string, checked: CheckedRows): Promise<ParticipantImportReport> {
  const counts = checked.rows.length === 0 ? { created: 0, updated: 0 } : await context.store.participants.upsert(appId, checked.rows, context.clock.now());
  return { ...counts, rejected: checked.rejected };
}

export function toAgentParticipant(participant: ParticipantRecord): AgentParticipant {
  return {
    externalId: participant.externalId,
    email: participant.email,
    phone: participant.phone,
    locale: participant.locale,
    subscribed: participant.subscribed,
    attributes: participant.attributes,
    lastChattedAt: participant.lastChattedAt,
    createdAt: participant.createdAt,
    updatedAt: participant.updatedAt,
  };
}
