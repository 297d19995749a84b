import type { Context } from 'hono';
import { resolveAgent, type AgentPrincipal } from '../auth/agent-principal';
import { readBearerToken } from '../auth/bearer-token';
import { hashVisitorToken, wellFormedVisitorToken } from '../auth/visitor-token';
import type { VisitorRecord } from '../store/records';
import type { AppEnv } from './app-env';
import { clientKey } from './client-key';
import { clientAddress } from './trusted-proxies';

/** Who sent a request, worked out once per request from its bearer token and address. */
export interface Caller {
  /** An agent API request with a valid agent token. */
  agent?: AgentPrincipal;
  /** A visitor API request with a valid visitor token of the app in the path. */
  visitor?: VisitorRecord;
  /** The client's address key (an IPv4 address or an IPv6 /64), through trusted proxies. */
  client: string;
  /** What the request's limits count against: the agent, the visitor's token, or else the address. */
  limitKey: string;
}

const VISITOR_API_PATH = /^\/api\/apps\/([^/]+)\//;

export async function callerOf(c: Context<AppEnv>): Promise<Caller> {
  const known = c.get('caller');
  if (known) return known;
  const { context } = c.var;
  const { incoming } = c.env;
  const client = clientKey(clientAddress(incoming.socket.remoteAddress, incoming.headers['x-forwarded-for'], context.isTrustedProxy));
  const token = readBearerToken(incoming);
  const caller: Caller = { client, limitKey: `address:${client}` };
  if (c.req.path.startsWith('/api/agent/')) {
    const agent = await resolveAgent(context, token);
    if (agent) Object.assign(caller, { agent, limitKey: `agent:${agent.id}` });
  } else {
    const appId = VISITOR_API_PATH.exec(c.req.path)?.[1];
    const visitorToken = wellFormedVisitorToken(token);
    const visitor = appId && visitorToken ? await context.store.visitors.findByTokenHash(appId, hashVisitorToken(visitorToken)) : undefined;
    if (visitor) Object.assign(caller, { visitor, limitKey: `visitor:${visitor.id}` });
  }
  c.set('caller', caller);
  return caller;
}
