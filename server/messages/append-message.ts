import type { AuthorRole, LinkCard, Message } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import type { SessionRecord } from '../db/session-queries';
import { ApiError } from '../http/api-error';
import { newRandomId } from '../random-id';
import { publishMessage } from '../sessions/session-events';
import { countLinkedVisitorMessage } from '../links/link-service';

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
 * Appends a message with the session's next sequence number, idempotent on (author role, clientId).
 * The check, the seq reservation and the insert share one transaction, so seqs have no gaps and no duplicates.
 * It is IMMEDIATE: it takes the write lock before its first read, so another process writing to the same database
 * file makes it wait (busy_timeout) instead of failing with SQLITE_BUSY_SNAPSHOT.
 */
export function appendMessage(context: ApiContext, session: SessionRecord, draft: MessageDraft): AppendResult {
  const result = context.db.transaction((): AppendResult => {
    const earlier = context.messages.findByClientId(session.id, draft.author.role, draft.clientId);
    if (earlier) {
      if (sameContent(earlier, draft)) return { message: earlier, created: false };
      throw new ApiError(409, 'conflict', 'This clientId was already used for a different message');
    }
    const current = context.sessions.findInApp(session.appId, session.id);
    if (!current || current.status === 'closed') throw new ApiError(409, 'session_closed', 'The session is closed');
    const createdAt = context.now();
    if (draft.author.role === 'visitor') countLinkedVisitorMessage(context, current, createdAt);
    const message: Message = {
      id: newRandomId('m'),
      seq: context.sessions.nextSeq(session.id, createdAt),
      clientId: draft.clientId,
      author: draft.author.name ? { role: draft.author.role, name: draft.author.name } : { role: draft.author.role },
      createdAt,
      ...(draft.kind === 'text' ? { kind: 'text', text: draft.text } : { kind: 'link', link: draft.link }),
    };
    context.messages.insert(session.id, message);
    return { message, created: true };
  }).immediate();
  if (result.created) publishMessage(context, session, result.message);
  return result;
}

// The author's name is part of what was sent: a retry is byte-identical, another name means another message.
function sameContent(message: Message, draft: MessageDraft): boolean {
  if ((message.author.name ?? '') !== (draft.author.name ?? '')) return false;
  if (draft.kind === 'text') return message.kind === 'text' && message.text === draft.text;
  return message.kind === 'link' && JSON.stringify(message.link) === JSON.stringify(draft.link);
}
