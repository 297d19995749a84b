import type { LinkPreview, Message } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import { publishPreview } from '../sessions/session-events';
import type { PreviewTarget } from './preview-service';

/** Stores (or removes) a message's preview and tells the visitor's and the agents' streams; the updated message. */
export async function attachPreview(
  context: ApiContext,
  target: Omit<PreviewTarget, 'seq'>,
  preview: LinkPreview | undefined,
): Promise<Message | undefined> {
  if (!context.db.open) return undefined;
  const message = context.messages.setPreview(target.sessionId, target.messageId, preview);
  if (message) publishPreview(context, { ...target, seq: message.seq }, preview);
  return message;
}
