// The only messages that cross between the chat page in its frame and the host page's loader.
export const MESSAGE_SOURCE = 'direct-chat';

/** `ready`: the chat page runs in the frame (a frame refused by frame-ancestors never says it). `close`: hand back. */
export type EmbedMessage = { source: typeof MESSAGE_SOURCE; type: 'ready' | 'close' };

const TYPES = new Set(['ready', 'close']);

/** A message from the frame, if it is one of ours; anything else (other scripts' messages, garbage) is null. */
export function readEmbedMessage(data: unknown): EmbedMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { source, type } = data as Record<string, unknown>;
  return source === MESSAGE_SOURCE && typeof type === 'string' && TYPES.has(type) ? (data as EmbedMessage) : null;
}
