// The account form's rules, apart from the DOM: what a role may grant, what a form sends, and where a refusal
// from the server belongs.
import type { AgentAccount, AgentChangeRequest, AgentCreateRequest, AgentRole } from '../../agent-wire';
import { ApiError } from '../api/api-error';

export interface AccountFormValues {
  name: string;
  displayName: string;
  role: AgentRole;
  apps: string[];
}

export type AccountField = keyof AccountFormValues;

export const ROLE_LABELS: Record<AgentRole, string> = { owner: 'Owner', admin: 'Admin', agent: 'Agent' };

/** Only owners and admins manage accounts (the others never see the Agents section). */
export function mayManageAgents(role: AgentRole): boolean {
  return role === 'owner' || role === 'admin';
}

/** Owners grant any role; admins only create and change agents (the server refuses anything else with 403). */
export function grantableRoles(actorRole: AgentRole): AgentRole[] {
  return actorRole === 'owner' ? ['agent', 'admin', 'owner'] : ['agent'];
}

export function emptyAccountForm(): AccountFormValues {
  return { name: '', displayName: '', role: 'agent', apps: [] };
}

export function accountFormOf(account: AgentAccount): AccountFormValues {
  return { name: account.name, displayName: account.displayName, role: account.role, apps: [...account.apps] };
}

/** Owners work in every app, so their form sends none. */
function appsToSend(values: AccountFormValues): string[] {
  return values.role === 'owner' ? [] : [...values.apps].sort();
}

export function toCreateRequest(values: AccountFormValues): AgentCreateRequest {
  return { name: values.name.trim(), displayName: values.displayName, role: values.role, apps: appsToSend(values) };
}

/** Only what changed; undefined when nothing did. */
export function toChangeRequest(values: AccountFormValues, account: AgentAccount): AgentChangeRequest | undefined {
  const change: AgentChangeRequest = {};
  if (values.displayName !== account.displayName) change.displayName = values.displayName;
  if (values.role !== account.role) change.role = values.role;
  const apps = appsToSend(values);
  if (apps.join('\n') !== [...account.apps].sort().join('\n')) change.apps = apps;
  return Object.keys(change).length > 0 ? change : undefined;
}

/**
 * The field a refusal is about, with a sentence for it: the server names the first bad field of a 400
 * (`body.name: must be …`, `apps: "x" is not hosted here`), and a taken name is 409 conflict.
 */
export function fieldErrorOf(error: unknown): { field: AccountField; message: string } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'conflict') return { field: 'name', message: 'An agent with this name exists already. Choose another.' };
  if (error.code !== 'invalid_request') return undefined;
  const match = /^(?:body\.)?(name|displayName|role|apps)(?:\.\d+)?: (.+)$/s.exec(error.message);
  if (!match) return undefined;
  const detail = `${match[2].charAt(0).toUpperCase()}${match[2].slice(1)}`;
  return { field: match[1] as AccountField, message: /[\p{L}\p{N}]$/u.test(detail) ? `${detail}.` : detail };
}
