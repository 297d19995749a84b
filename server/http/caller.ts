import type { Context } from 'hono';
import { resolveAgent, type AgentPrincipal } from '../auth/agent-principal';
import { readBearerToken } from '../auth/bearer-token';
import { hashVisitorToken, wellFormedVisitorToken } from '../auth/visitor-token';
import { SESSION_ID_PATTERN } from '../../src/api/limits';
import type { SessionRecord, VisitorRecord } from '../store/records';
import type { AppEnv } from './app-env';
import { clientKey } from './client-key';
import { clientAddress } from './trusted-proxies';

/** Who sent a request, worked out once per request from its bearer token and address. */
export interface Caller {
  /** An agent API request with a valid agent token. */
  agent?: AgentPrincipal;
  /** A visitor API request with a valid visitor token of the app in the path. */
  visitor?: VisitorRecord;
  /** The session a visitor API path names, when that visitor owns it: read with the visitor, in one query. */
  session?: SessionRecord;
  /** The client's address key (an IPv4 address or an IPv6 /64), through trusted proxies. */
  client: string;
  /** What the request's limits count against: the agent, the visitor's token, or else the address. */
  limitKey: string;
}

const VISITOR_API_PATH = /^\/api\/apps\/([^/]+)\/(?:sessions\/([^/]+)(?:\/|$))?/;

export async function callerOf(c: Context<AppEnv>): Promise<Caller> {
  const known = c.get('caller');
  if (known) return known;
  const context = c.get('context');
  const { incoming } = c.env;
  const client = clientKey(clientAddress(incoming.socket.remoteAddress, incoming.headers['x-forwarded-for'], context.isTrustedProxy));
  const token = readBearerToken(incoming);
  const caller: Caller = { client, limitKey: `address:${client}` };
  if (c.req.path.startsWith('/api/agent/')) {
    const agent = await resolveAgent(context, token);
    if (agent) Object.assign(caller, { agent, limitKey: `agent:${agent.id}` });
  } else {
    const [, appId, sessionId] = VISITOR_API_PATH.exec(c.req.path) ?? [];
    const visitorToken = wellFormedVisitorToken(token);
    if (appId && visitorToken) {
      const { visitors } = context.store;
      const tokenHash = hashVisitorToken(visitorToken);
      const found =
        sessionId !== undefined && SESSION_ID_PATTERN.test(sessionId)
          ? await visitors.findByTokenHashWithSession(appId, tokenHash, sessionId)
          : { visitor: await visitors.findByTokenHash(appId, tokenHash), session: undefined };
      if (found?.visitor) Object.assign(caller, { visitor: found.visitor, session: found.session, limitKey: `visitor:${found.visitor.id}` });
    }
  }
  c.set('caller', caller);
  return caller;
}
