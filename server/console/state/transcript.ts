// A conversation's messages as pure functions: ordered by seq, deduplicated (the same message can come from
// the send answer, a catch-up page and an earlier page).
import type { Message } from '../../../src/api/wire';

export interface Transcript {
  messages: Message[];
  /** lastSeq when the conversation was opened: messages after it are "new" and go to the live log. */
  baselineSeq: number;
  hasEarlier: boolean;
}

export const EMPTY_TRANSCRIPT: Transcript = { messages: [], baselineSeq: 0, hasEarlier: false };

export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function newestSeq(messages: readonly Message[]): number {
  return messages.length ? messages[messages.length - 1].seq : 0;
}

export function oldestSeq(messages: readonly Message[]): number {
  return messages.length ? messages[0].seq : 0;
}

export function splitAtBaseline(transcript: Transcript): { history: Message[]; fresh: Message[] } {
  const history: Message[] = [];
  const fresh: Message[] = [];
  for (const m of transcript.messages) (m.seq <= transcript.baselineSeq ? history : fresh).push(m);
  return { history, fresh };
}
