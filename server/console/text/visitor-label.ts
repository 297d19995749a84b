// How a visitor is named in the list and headings when they gave no name.
import type { AgentVisitorSummary } from '../../agent-wire';

export function visitorLabel(visitor: Pick<AgentVisitorSummary, 'id' | 'displayName'>): string {
  const name = visitor.displayName?.trim();
  return name ? name : `Visitor ${visitor.id.slice(-6)}`;
}
