import type { ErrorCode } from '../../src/api/wire';

/** Error codes only this server sends, beside the page's contract: the page treats any 5xx alike. */
export type ServerErrorCode =
  | 'storage_unavailable'
  | 'forbidden'
  | 'agent_not_found'
  | PublicApiErrorCode
  | 'api_key_not_found'
  | 'too_many_rows'
  | InvitationErrorCode;

/** The invitations API's own codes (README, "Invitations and participants"). */
export type InvitationErrorCode =
  | 'invitation_not_found'
  | 'invitation_not_draft'
  | 'invitation_window_over'
  | 'channel_not_configured'
  | 'participant_not_found'
  | 'unsubscribe_not_found'
  | 'invalid_signature';

/** The public (integrators') API's own codes, beside unauthorized, rate_limited, fullpage_disabled and internal. */
export type PublicApiErrorCode =
  | 'validation_error'
  | 'too_many_users'
  | 'invalid_scenario'
  | 'idempotency_key_reused';

/** An expected failure with its status and wire error code; anything else thrown becomes 500 internal. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ServerErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** Machine-readable specifics, sent as `error.details` (the public API's JSON pointers, a maximum). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function invalidRequest(message: string): ApiError {
  return new ApiError(400, 'invalid_request', message);
}
