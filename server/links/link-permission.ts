/**
 * The one place that decides who may manage chat links. Links need an owner or admin; agent accounts with roles do
 * not exist yet, so the server's agent token stands for the owner. When roles arrive, check them here.
 */
export type AgentRole = 'owner' | 'admin' | 'agent';

export function mayManageLinks(role: AgentRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** The role of a request authenticated with the server's agent token, until accounts exist. */
export const AGENT_TOKEN_ROLE: AgentRole = 'owner';
