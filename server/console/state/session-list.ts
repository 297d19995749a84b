// The conversation list as pure functions: merge what the list call and the stream say, newest activity first.
import type { AgentSessionSummary } from '../../agent-wire';
import type { Session } from '../../../src/api/wire';
import type { SessionFilter } from '../api/agent-paths';

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** Whether `incoming` describes the same or a later state than `current` (a late list answer must not undo news). */
function supersedes(incoming: AgentSessionSummary, current: AgentSessionSummary): boolean {
  if (incoming.lastSeq !== current.lastSeq) return incoming.lastSeq > current.lastSeq;
  if (current.status === 'closed' && incoming.status === 'open') return time(incoming.updatedAt) > time(current.updatedAt);
  return time(incoming.updatedAt) >= time(current.updatedAt);
}

function byActivity(a: AgentSessionSummary, b: AgentSessionSummary): number {
  return time(b.updatedAt) - time(a.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function mergeSummaries(
  list: readonly AgentSessionSummary[],
  incoming: readonly AgentSessionSummary[],
): AgentSessionSummary[] {
  const byId = new Map(list.map((s) => [s.id, s]));
  for (const summary of incoming) {
    const current = byId.get(summary.id);
    if (!current || supersedes(summary, current)) byId.set(summary.id, summary);
  }
  return [...byId.values()].sort(byActivity);
}

/** A session answer (after closing) folded into the list's richer summary. */
export function applySession(list: readonly AgentSessionSummary[], session: Session): AgentSessionSummary[] {
  return list.map((s) => (s.id === session.id ? { ...s, ...session, lastSeq: Math.max(s.lastSeq, session.lastSeq) } : s));
}

/** The sessions under `filter`, plus any in `keep` (the one being read must not vanish when it closes). */
export function filterSessions(
  list: readonly AgentSessionSummary[],
  filter: SessionFilter,
  keep: readonly (string | null)[] = [],
): AgentSessionSummary[] {
  return list.filter((s) => filter === 'all' || s.status === filter || keep.includes(s.id));
}

/** The visitor spoke last in an open conversation: someone should answer. */
export function awaitsReply(summary: AgentSessionSummary): boolean {
  return summary.status === 'open' && summary.lastMessage?.author.role === 'visitor';
}
