import type { DeepLinkState } from '../../src/api/wire';
import type { DeepLinkRecord } from '../store/records';

// `not_yet_active` comes only from a deep link's chat link (scenarioDeepLinkState), never from the deep link itself.
export type { DeepLinkState };

/** Revoked wins over expired: the business's own act is what the customer is told about. */
export function deepLinkState(link: Pick<DeepLinkRecord, 'expiresAt' | 'revokedAt'>, now: string): DeepLinkState {
  if (link.revokedAt !== null) return 'revoked';
  return Date.parse(link.expiresAt) <= Date.parse(now) ? 'expired' : 'active';
}
