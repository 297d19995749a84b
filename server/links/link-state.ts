import type { ChatLinkState } from '../../src/api/wire';

export interface LinkTimeframe {
  disabled: boolean;
  /** Epoch milliseconds, UTC. */
  activeFrom?: number;
  expiresAt?: number;
}

/** The link's state at `now`: disabled wins; `activeFrom` is inclusive, `expiresAt` exclusive. */
export function linkStateAt(link: LinkTimeframe, now: number): ChatLinkState {
  if (link.disabled) return 'disabled';
  if (link.activeFrom !== undefined && now < link.activeFrom) return 'not_yet_active';
  if (link.expiresAt !== undefined && now >= link.expiresAt) return 'expired';
  return 'active';
}
