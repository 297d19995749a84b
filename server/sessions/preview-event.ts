import type { Message, PreviewEvent } from '../../src/api/wire';

/** The stream update for a message's preview as stored now (no `preview`: removed). */
export function previewEvent(message: Message): PreviewEvent {
  return { messageId: message.id, seq: message.seq, ...(message.preview ? { preview: message.preview } : {}) };
}
