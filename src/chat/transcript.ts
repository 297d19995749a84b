import type { Message, PreviewEvent } from '../api/wire';

/** Messages ordered by seq, each seq once; a newer copy of a seq replaces the older one. */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return current as Message[];
  const bySeq = new Map<number, Message>();
  for (const message of current) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The highest seq up to which the transcript has no hole, counting from `firstSeq` (1 when the whole transcript is
 * loaded): what to resume the stream from, and where a catch-up starts.
 */
export function contiguousSeq(messages: readonly Message[], firstSeq = 1): number {
  let seq = firstSeq - 1;
  for (const message of messages) {
    if (message.seq > seq + 1) break;
    seq = Math.max(seq, message.seq);
  }
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
