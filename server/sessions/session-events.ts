import type { LinkPreview, Message, PreviewEvent, TypingEvent } from '../../src/api/wire';
import type { ApiContext } from '../api-context';
import { toWireSession, type SessionRecord } from '../db/session-queries';
import { appTopic, sessionTopic } from '../sse/event-hub';
import { agentSessionSummary } from './agent-views';

// The one place that turns changes into stream events: visitors hear their session, agents hear the whole app.

export function publishMessage(context: ApiContext, session: SessionRecord, message: Message): void {
  context.hub.publish(sessionTopic(session.id), { event: 'message', id: message.seq, data: message });
  publishToAgents(context, session.appId, session.id);
}

export function publishSessionStatus(context: ApiContext, session: SessionRecord): void {
  context.hub.publish(sessionTopic(session.id), { event: 'session', data: toWireSession(session) });
  publishToAgents(context, session.appId, session.id);
}

export function publishNewSession(context: ApiContext, session: SessionRecord): void {
  publishToAgents(context, session.appId, session.id);
}

/** A preview added to or removed from a message: visitors get a PreviewEvent, agents the same with its session. */
export function publishPreview(
  context: ApiContext,
  target: { appId: string; sessionId: string; messageId: string; seq: number },
  preview: LinkPreview | undefined,
): void {
  const data: PreviewEvent = { messageId: target.messageId, seq: target.seq, ...(preview ? { preview } : {}) };
  context.hub.publish(sessionTopic(target.sessionId), { event: 'preview', data });
  context.hub.publish(appTopic(target.appId), { event: 'preview', data: { sessionId: target.sessionId, ...data } });
}

export function publishTyping(context: ApiContext, sessionId: string, typing: TypingEvent): void {
  context.hub.publish(sessionTopic(sessionId), { event: 'typing', data: typing });
}

function publishToAgents(context: ApiContext, appId: string, sessionId: string): void {
  const topic = appTopic(appId);
  if (!context.hub.hasListeners(topic)) return;
  const session = context.sessions.findInApp(appId, sessionId);
  if (session) context.hub.publish(topic, { event: 'session', data: agentSessionSummary(context, session) });
}
