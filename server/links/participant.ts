/**
 * Who a use of a link belongs to: the verified customer when the visitor came with a signed identity (so every
 * device of that customer shares one allowance), otherwise the visitor behind the token (one device).
 */
export function participantKey(visitor: { id: string; customerId?: string | null }): string {
  return visitor.customerId ? `customer:${visitor.customerId}` : `visitor:${visitor.id}`;
}

/** May this participant start another conversation from the link? `limit` undefined: no limit. */
export function withinUseLimit(usesSoFar: number, limit: number | undefined): boolean {
  return limit === undefined || usesSoFar < limit;
}

/**
 * A use counts at the first visitor message of a conversation started from a link: opening the link (mail
 * scanners, preview robots) or creating an empty conversation never counts.
 */
export function countsAsUse(session: { linkId?: string | null }, visitorMessagesBefore: number): boolean {
  return Boolean(session.linkId) && visitorMessagesBefore === 0;
}
