import type { TypingEvent } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import type { SessionRecord } from '../store/records';

/** Typing is not stored: it goes to the session's streams on every instance, now, and is forgotten. */
export async function publishTyping(context: ApiContext, session: SessionRecord, typing: TypingEvent): Promise<void> {
  await context.bus.publish({ kind: 'typing', appId: session.appId, sessionId: session.id, typing });
}
