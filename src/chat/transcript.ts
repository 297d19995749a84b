import type { Message, PreviewEvent } from '../api/wire';

/**
 * Messages ordered by seq, each seq once; a newer copy of a seq replaces the older one. What is held is already
 * ordered (one pass checks), so nothing of it is sorted again: a page wholly before or after it (paging back, live
 * messages) is joined on, anything else is one linear merge.
 */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return held as Message[];
  const current = orderedUnique(held);
  const page = orderedUnique(incoming);
  if (current.length === 0) return page;
  if (page[page.length - 1].seq < current[0].seq) return [...page, ...current];
  if (page[0].seq > current[current.length - 1].seq) return [...current, ...page];
  const merged: Message[] = [];
  let i = 0;
  let j = 0;
  while (i < current.length || j < page.length) {
    const held = current[i];
    const next = page[j];
    if (next === undefined || (held !== undefined && held.seq < next.seq)) {
      merged.push(held);
      i++;
    } else {
      if (held !== undefined && held.seq === next.seq) i++;
      merged.push(next);
      j++;
    }
  }
  return merged;
}

/** Ordered by seq, each seq once (the last copy winning); the same array when it already is. */
function orderedUnique(messages: readonly Message[]): Message[] {
  let ordered = true;
  for (let index = 1; index < messages.length && ordered; index++) ordered = messages[index - 1].seq < messages[index].seq;
  if (ordered) return messages as Message[];
  const bySeq = new Map<number, Message>();
  for (const message of messages) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The highest seq up to which the transcript has no hole, counting from `firstSeq` (1 when the whole transcript is
 * loaded): what to resume the stream from, and where a catch-up starts.
 */
export function contiguousSeq(messages: readonly Message[], firstSeq = 1, unreadable: ReadonlySet<number> = new Set()): number {
  let seq = firstSeq - 1;
  for (const message of messages) {
    while (unreadable.has(seq + 1)) seq++;
    if (message.seq > seq + 1) break;
    seq = Math.max(seq, message.seq);
  }
  while (unreadable.has(seq + 1)) seq++;
  return seq;
}

export function newestSeq(messages: readonly Message[]): number {
  return messages.length === 0 ? 0 : messages[messages.length - 1].seq;
}

/** The messages with one message's preview set (or removed); the same array when that message is not held. */
export function applyPreview(messages: Message[], update: PreviewEvent): Message[] {
  const index = messages.findIndex((message) => message.id === update.messageId && message.seq === update.seq);
  if (index < 0) return messages;
  const { preview: _old, ...message } = messages[index];
  const next = [...messages];
  next[index] = update.preview ? { ...message, preview: update.preview } : message;
  return next;
}
