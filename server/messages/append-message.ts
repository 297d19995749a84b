import type { AuthorRole, LinkCard, Message } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import { ApiError } from '../http/api-error';
import { linkLimitReached } from '../links/chat-links';
import { newRandomId } from '../random-id';
import type { SessionRecord } from '../store/records';

export type MessageDraft = {
  clientId: string;
  author: { role: AuthorRole; name?: string };
} & ({ kind: 'text'; text: string } | { kind: 'link'; link: LinkCard });

export interface AppendResult {
  message: Message;
  /** False when the same clientId, author and content were sent before: the earlier message is returned. */
  created: boolean;
}

/**
 * Appends a message with the session's next sequence number, idempotent on (author role, clientId). The store does
 * it as one unit of work under the session's row lock, so seqs have no gaps, no duplicates, and commit in order;
 * the session's streams on every instance hear of it.
 */
export async function appendMessage(context: ApiContext, session: SessionRecord, draft: MessageDraft): Promise<AppendResult> {
  const outcome = await context.store.messages.append(session.appId, session.id, {
    id: newRandomId('m'),
    clientId: draft.clientId,
    author: draft.author.name ? { role: draft.author.role, name: draft.author.name } : { role: draft.author.role },
    createdAt: context.clock.now(),
    ...(draft.kind === 'text' ? { kind: 'text', text: draft.text } : { kind: 'link', link: draft.link }),
  });
  switch (outcome.kind) {
    case 'created':
      startPreview(context, session, outcome.message);
      return { message: outcome.message, created: true };
    case 'exists':
      if (sameContent(outcome.message, draft)) return { message: outcome.message, created: false };
      throw new ApiError(409, 'conflict', 'This clientId was already used for a different message');
    case 'closed':
      throw new ApiError(409, 'session_closed', 'The session is closed');
    case 'link_limit_reached':
      throw linkLimitReached();
  }
}

// The author's name is part of what was sent: a retry is byte-identical, another name means another message.
function sameContent(message: Message, draft: MessageDraft): boolean {
  if ((message.author.name ?? '') !== (draft.author.name ?? '')) return false;
  if (draft.kind === 'text') return message.kind === 'text' && message.text === draft.text;
  return message.kind === 'link' && JSON.stringify(message.link) === JSON.stringify(draft.link);
}

// In the background: the answer and the message event go out now, the preview follows as an update.
function startPreview(context: ApiContext, session: SessionRecord, message: Message): void {
  const settings = context.apps.get(session.appId)?.linkPreviews;
  if (!settings) return;
  const target = { appId: session.appId, sessionId: session.id, messageId: message.id, seq: message.seq };
  context.previews.onMessageStored(target, message.author.role, message.text, settings);
}
