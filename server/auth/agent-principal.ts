import type { AgentMeResponse, AgentRole } from '../agent-wire';
import type { ApiContext } from '../api-context';
import type { AgentRecord } from '../store/records';
import { agentTokenMatches } from './agent-token';
import { isPersonalToken } from './personal-token';
import { hashToken } from './token-hash';

/** Who an agent request acts as: an account, or the server's own token (the owner, every app). */
export interface AgentPrincipal {
  id: string;
  name: string;
  /** From the account; the server's token has none (its replies carry the name the client sends). */
  displayName?: string;
  role: AgentRole;
  apps: 'all' | ReadonlySet<string>;
  account: boolean;
}

export const SERVER_TOKEN_OWNER: AgentPrincipal = { id: 'owner', name: 'owner', role: 'owner', apps: 'all', account: false };

/** The principal behind a bearer token, or undefined for no token, an unknown one or a disabled account. */
export async function resolveAgent(context: ApiContext, token: string | undefined): Promise<AgentPrincipal | undefined> {
  if (token === undefined) return undefined;
  if (agentTokenMatches(context.agentToken, token)) return SERVER_TOKEN_OWNER;
  if (!isPersonalToken(token)) return undefined;
  const record = await context.store.agents.findByTokenHash(hashToken(token));
  return record && !record.disabled ? principalOf(record) : undefined;
}

export function principalOf(record: AgentRecord): AgentPrincipal {
  return {
    id: record.id,
    name: record.name,
    displayName: record.displayName,
    role: record.role,
    apps: record.role === 'owner' ? 'all' : new Set(record.apps),
    account: true,
  };
}

export function mayWorkIn(principal: AgentPrincipal, appId: string): boolean {
  return principal.apps === 'all' || principal.apps.has(appId);
}

export function describePrincipal(principal: AgentPrincipal, hostedApps: Iterable<string>): AgentMeResponse['agent'] {
  const apps = [...hostedApps].filter((appId) => mayWorkIn(principal, appId));
  const me: AgentMeResponse['agent'] = { id: principal.id, name: principal.name, role: principal.role, apps, account: principal.account };
  if (principal.displayName) me.displayName = principal.displayName;
  return me;
}
