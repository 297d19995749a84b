import type { DeepLinkRecord } from '../store/records';

export type DeepLinkState = 'active' | 'expired' | 'revoked';

/** Revoked wins over expired: the business's own act is what the customer is told about. */
export function deepLinkState(link: Pick<DeepLinkRecord, 'expiresAt' | 'revokedAt'>, now: string): DeepLinkState {
  if (link.revokedAt !== null) return 'revoked';
  return Date.parse(link.expiresAt) <= Date.parse(now) ? 'expired' : 'active';
}
