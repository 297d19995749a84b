/** What a bubble needs to know about its neighbours to be drawn as part of a messenger-style run. */
export interface BubbleFacts {
  role: 'visitor' | 'agent' | 'system';
  name?: string;
  /** ISO time; absent for a message still being sent (it belongs to now). */
  createdAt?: string;
}

export interface BubbleLayout {
  /** A date separator goes before this bubble. */
  startsDay: boolean;
  /** First of a run by one author: the name and avatar show here. */
  startsRun: boolean;
  /** Last of a run: the run's time shows here. */
  endsRun: boolean;
}

/** Messages further apart than this start a new run even from the same author. */
export const RUN_GAP_MS = 5 * 60_000;

const timeOf = (facts: BubbleFacts): number => (facts.createdAt ? Date.parse(facts.createdAt) : Date.now());

/** The local calendar day of a time, as a comparable key. */
export function dayKey(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

function sameRun(a: BubbleFacts, b: BubbleFacts): boolean {
  if (a.role !== b.role || a.role === 'system' || (a.name ?? '') !== (b.name ?? '')) return false;
  const [ta, tb] = [timeOf(a), timeOf(b)];
  return Math.abs(tb - ta) <= RUN_GAP_MS && dayKey(ta) === dayKey(tb);
}

export function bubbleLayout(previous: BubbleFacts | undefined, current: BubbleFacts, next: BubbleFacts | undefined): BubbleLayout {
  return {
    startsDay: !previous || dayKey(timeOf(previous)) !== dayKey(timeOf(current)),
    startsRun: !previous || !sameRun(previous, current),
    endsRun: !next || !sameRun(current, next),
  };
}
