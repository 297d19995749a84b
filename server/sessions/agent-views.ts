import type { AgentSessionSummary, AgentVisitorDetail, AgentVisitorSummary } from '../agent-wire';
import type { ApiContext } from '../api-context';
import type { SessionRecord, VisitorRecord } from '../store/records';
import { toWireSession } from './wire-session';

export async function agentSessionSummary(context: ApiContext, session: SessionRecord): Promise<AgentSessionSummary> {
  const [visitor, lastMessage] = await Promise.all([
    context.store.visitors.findById(session.visitorId),
    context.store.messages.latest(session.id),
  ]);
  const summary: AgentSessionSummary = {
    ...toWireSession(session),
    appId: session.appId,
    updatedAt: session.updatedAt,
    visitor: agentVisitorSummary(visitor!),
  };
  if (lastMessage) {
    summary.lastMessage = lastMessage;
    // Read after the session: a message committed in between (on any instance) must not show beside an older lastSeq.
    if (lastMessage.seq > summary.lastSeq) summary.lastSeq = lastMessage.seq;
    if (lastMessage.createdAt > summary.updatedAt) summary.updatedAt = lastMessage.createdAt;
  }
  return summary;
}

export function agentVisitorSummary(visitor: VisitorRecord): AgentVisitorSummary {
  const summary: AgentVisitorSummary = { id: visitor.id, verified: visitor.customerId !== null, locale: visitor.locale };
  if (visitor.displayName) summary.displayName = visitor.displayName;
  return summary;
}

/** The visitor's details; a customer who opened a deep link also gets the context the business supplied. */
export async function agentVisitorDetail(context: ApiContext, visitor: VisitorRecord): Promise<AgentVisitorDetail> {
  const detail: AgentVisitorDetail = {
    ...agentVisitorSummary(visitor),
    claims: { ...visitor.claims },
    vars: { ...visitor.vars },
    createdAt: visitor.createdAt,
  };
  if (visitor.customerId !== null) {
    detail.customerId = visitor.customerId;
    const userContext = await context.store.deepLinks.findUserContext(visitor.appId, visitor.customerId);
    if (userContext) detail.userContext = { userId: userContext.userId, attributes: userContext.attributes, updatedAt: userContext.updatedAt };
  }
  return detail;
}
