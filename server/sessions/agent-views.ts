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
  if (lastMessage) summary.lastMessage = lastMessage;
  return summary;
}

export function agentVisitorSummary(visitor: VisitorRecord): AgentVisitorSummary {
  const summary: AgentVisitorSummary = { id: visitor.id, verified: visitor.customerId !== null, locale: visitor.locale };
  if (visitor.displayName) summary.displayName = visitor.displayName;
  return summary;
}

export function agentVisitorDetail(visitor: VisitorRecord): AgentVisitorDetail {
  const detail: AgentVisitorDetail = {
    ...agentVisitorSummary(visitor),
    claims: { ...visitor.claims },
    vars: { ...visitor.vars },
    createdAt: visitor.createdAt,
  };
  if (visitor.customerId !== null) detail.customerId = visitor.customerId;
  return detail;
}
