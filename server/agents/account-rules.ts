import type { AgentRole } from '../agent-wire';
import { mayWorkIn, type AgentPrincipal } from '../auth/agent-principal';

// Who may manage whom. Owners manage every account. Admins manage agents (role `agent`) and only within their own
// apps. Agents manage nobody. Nobody changes their own role or disables themselves.

export function mayManageAccounts(actor: AgentPrincipal): boolean {
  return actor.role === 'owner' || actor.role === 'admin';
}

/** Whether `actor` may create or change an account of `role` working in `apps`. */
export function mayGrant(actor: AgentPrincipal, role: AgentRole, apps: readonly string[]): boolean {
  if (actor.role === 'owner') return true;
  return actor.role === 'admin' && role === 'agent' && apps.every((appId) => mayWorkIn(actor, appId));
}

/** Whether `actor` may touch the existing account `target` (its current role and apps). */
export function mayManage(actor: AgentPrincipal, target: { id: string; role: AgentRole; apps: readonly string[] }): boolean {
  return actor.id !== target.id && mayGrant(actor, target.role, target.apps);
}
