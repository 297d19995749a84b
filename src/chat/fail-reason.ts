import type { ApiFailure } from '../api/api-failure';
import type { FailReason } from './outbox';

/** Why the server refused a message for good, in words the visitor can act on. */
export function failReasonFor(failure: ApiFailure): FailReason {
  if (failure.code === 'session_closed') return 'session_closed';
  if (failure.status === 413 || failure.code === 'payload_too_large') return 'too_long';
  return 'rejected';
}
