// The agent API for participants (issue 11; shared with the console). Owner/admin credential required, app-scoped
// like the chat-link API. See README "Invitations and participants".
import type { LocaleCode } from '../../src/api/wire';
import type { AttributeProblemCode, AttributeValue } from '../deep-links/attribute-rules';

/** One row of PUT .../participants. Absent fields stay as they are on update; `null` clears one. */
export interface ParticipantInput {
  externalId: string;
  email?: string | null;
  /** E.164 (`+33612345678`); spaces, dots, dashes and parentheses are removed first. */
  phone?: string | null;
  /** Any language tag; stored as one of the nine codes (fr-CA → fr). */
  locale?: string | null;
  subscribed?: boolean;
  /** Replaces the participant's attributes; the bounds of deep-link attributes. */
  attributes?: Record<string, AttributeValue>;
}

/** A row that was not saved, and the first reason why. */
export interface RejectedRow {
  /** JSON: the row's 0-based index. CSV: the 1-based line number of the data row (the header is line 1). */
  row: number;
  externalId?: string;
  /** RFC 6901 pointer inside the row: `/email`, `/attributes/plan`, or `` for the row itself. */
  pointer: string;
  code: ParticipantProblemCode;
  message: string;
}

export type ParticipantProblemCode =
  | 'invalid_type'
  | 'required'
  | 'unknown_field'
  | 'invalid_external_id'
  | 'duplicate_external_id'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_locale'
  | 'invalid_subscribed'
  | 'invalid_csv_row'
  | AttributeProblemCode
  | 'too_many_attributes'
  | 'attributes_too_large';

/** The answer of PUT .../participants and POST .../participants/import. */
export interface ParticipantImportReport {
  created: number;
  updated: number;
  rejected: RejectedRow[];
}

export interface AgentParticipant {
  externalId: string;
  email: string | null;
  phone: string | null;
  locale: LocaleCode | null;
  subscribed: boolean;
  attributes: Record<string, AttributeValue>;
  lastChattedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET .../participants?q=&limit=&after=: newest first; `next` is the `after` of the next page, null on the last. */
export interface ParticipantListResponse {
  participants: AgentParticipant[];
  next: string | null;
}

/**
 * PUT  /api/agent/apps/{appId}/participants         ParticipantInput[] (1..5000) → 200 ParticipantImportReport
 * POST /api/agent/apps/{appId}/participants/import  text/csv (≤ 5 MB)            → 200 ParticipantImportReport
 * GET  /api/agent/apps/{appId}/participants         → 200 ParticipantListResponse
 */
export const PARTICIPANT_LIMITS = {
  /** Rows per PUT or CSV file. */
  rows: 5000,
  /** Bytes of one PUT body or CSV file. */
  bodyBytes: 5 * 1024 * 1024,
  /** Participants per page of the list. */
  pageSize: 50,
  maxPageSize: 200,
} as const;
