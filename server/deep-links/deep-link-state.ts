import type { DeepLinkState } from '../../src/api/wire';
import type { InvitationRecord } from '../store/records';
import type { DeepLinkRecord } from '../store/records';

export type { DeepLinkState };

/**
 * Revoked wins: the business's own act is what the customer is told about. Then a link of an invitation that has
 * closed (its response limit, its window's end, cancelled) says so rather than "expired".
 */
export function deepLinkState(
  link: Pick<DeepLinkRecord, 'expiresAt' | 'revokedAt'>,
  now: string,
  invitation?: Pick<InvitationRecord, 'status' | 'closesAt'>,
): DeepLinkState {
  if (link.revokedAt !== null) return 'revoked';
  if (invitation && (invitation.status === 'closed' || invitation.status === 'cancelled' || Date.parse(invitation.closesAt) <= Date.parse(now))) {
    return 'invitation_closed';
  }
  return Date.parse(link.expiresAt) <= Date.parse(now) ? 'expired' : 'active';
}
