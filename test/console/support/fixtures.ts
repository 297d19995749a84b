import type { AgentSessionSummary, AgentVisitorDetail } from '../../../server/agent-wire';
import type { Message } from '../../../src/api/wire';

let counter = 0;
const at = (minute: number) => new Date(Date.UTC(2025, 5, 2, 9, minute)).toISOString();

export function visitorDetail(overrides: Partial<AgentVisitorDetail> = {}): AgentVisitorDetail {
  return {
    id: `vis_${++counter}abcdef`,
    verified: false,
    locale: 'en',
    claims: {},
    vars: {},
    createdAt: at(0),
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}_${++counter}`,
    seq,
    author: { role: 'visitor' },
    createdAt: at(seq % 60),
    kind: 'text',
    text: `Message number ${seq}`,
    ...overrides,
  };
}

export function summaryOf(
  id: string,
  visitor: AgentVisitorDetail,
  messages: Message[],
  overrides: Partial<AgentSessionSummary> = {},
): AgentSessionSummary {
  const last = messages[messages.length - 1];
  return {
    id,
    appId: 'shop',
    status: 'open',
    createdAt: at(0),
    updatedAt: last ? last.createdAt : at(0),
    lastSeq: last ? last.seq : 0,
    visitor: { id: visitor.id, verified: visitor.verified, displayName: visitor.displayName, locale: visitor.locale },
    ...(last ? { lastMessage: last } : {}),
    ...overrides,
  };
}
