import type { Message, TeamMember } from '../../api/wire';
import type { BubbleFacts } from '../../chat/bubble-layout';

export const factsOf = (message: Message): BubbleFacts => ({
  role: message.author.role,
  name: message.author.name,
  createdAt: message.createdAt,
});

/** An entry still in the outbox is the visitor's, and belongs to now. */
export const PENDING_FACTS: BubbleFacts = { role: 'visitor' };

/** An agent's picture from the app's team, matched by name; otherwise the bubble shows initials. */
export function avatarOf(message: Message, team: readonly TeamMember[]): string | undefined {
  if (message.author.role !== 'agent' || !message.author.name) return undefined;
  return team.find((member) => member.name === message.author.name)?.avatarUrl;
}
