import type { AgentSessionSummary, AgentVisitorDetail, AgentVisitorSummary } from '../agent-wire';
import type { ApiContext } from '../api-context';
import { toWireSession, type SessionRecord } from '../db/session-queries';
import type { VisitorRecord } from '../db/visitor-queries';

export function agentSessionSummary(context: ApiContext, session: SessionRecord): AgentSessionSummary {
  const visitor = context.visitors.findById(session.visitorId)!;
  const summary: AgentSessionSummary = {
    ...toWireSession(session),
    appId: session.appId,
    updatedAt: session.updatedAt,
    visitor: agentVisitorSummary(visitor),
  };
  const lastMessage = context.messages.latest(session.id);
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
