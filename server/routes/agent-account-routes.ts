import { Hono } from 'hono';
import type { AgentAccount, AgentCredentialResponse, AgentListResponse } from '../agent-wire';
import { mayGrant, mayManage } from '../agents/account-rules';
import { newPersonalToken } from '../auth/personal-token';
import { hashToken } from '../auth/token-hash';
import { requireAgent } from '../http/agent-auth';
import { requireManager } from '../http/require-manager';
import { ApiError, invalidRequest } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { emptyBodySchema } from '../requests/message-request';
import { agentChangeSchema, agentCreateSchema } from '../requests/agent-account-request';
import { newRandomId } from '../random-id';
import type { ApiContext } from '../api-context';
import type { AgentPrincipal } from '../auth/agent-principal';

/** Mounted at /api/agent: the accounts. Accounts an actor may not manage answer 404 agent_not_found, as if absent. */
export const agentAccountRoutes = new Hono<AppEnv>()
  .use('/agents', requireAgent, requireManager)
  .use('/agents/*', requireAgent, requireManager)
  /** GET /agents: the accounts this actor may manage. */
  .get('/agents', async (c) => {
    const agents = await c.var.context.store.agents.list();
    const body: AgentListResponse = { agents: agents.filter((account) => mayManage(c.var.agent, account)) };
    return json(c, 200, body);
  })
  /** POST /agents → 201 with the account and its personal token (shown once). */
  .post('/agents', jsonBody(agentCreateSchema), async (c) => {
    const { context, agent: actor } = c.var;
    const request = c.req.valid('json');
    const apps = grantableApps(context, actor, request.role, request.apps);
    const now = context.clock.now();
    const account: AgentAccount = { id: newRandomId('a'), ...request, apps, disabled: false, createdAt: now, updatedAt: now };
    const token = newPersonalToken();
    if (!(await context.store.agents.create(account, hashToken(token)))) {
      throw new ApiError(409, 'conflict', 'An agent with this name exists already');
    }
    const body: AgentCredentialResponse = { agent: account, token };
    return json(c, 201, body);
  })
  /** PATCH /agents/{id}: display name, role, apps, disabled. */
  .patch('/agents/:agentId', jsonBody(agentChangeSchema), async (c) => {
    const { context, agent: actor } = c.var;
    const target = await manageableAccount(context, actor, c.req.param('agentId'));
    const change = c.req.valid('json');
    const role = change.role ?? target.role;
    const apps = grantableApps(context, actor, role, change.apps ?? target.apps);
    const agent = await context.store.agents.update(target.id, { ...change, role, apps, updatedAt: context.clock.now() });
    return json(c, 200, { agent });
  })
  /** POST /agents/{id}/token → a new personal token; the old one stops working at once. */
  .post('/agents/:agentId/token', jsonBody(emptyBodySchema), async (c) => {
    const { context, agent: actor } = c.var;
    const target = await manageableAccount(context, actor, c.req.param('agentId'));
    const token = newPersonalToken();
    const agent = await context.store.agents.update(target.id, { tokenHash: hashToken(token), updatedAt: context.clock.now() });
    const body: AgentCredentialResponse = { agent: agent!, token };
    return json(c, 200, body);
  });

async function manageableAccount(context: ApiContext, actor: AgentPrincipal, id: string | undefined): Promise<AgentAccount> {
  const target = id === undefined ? undefined : await context.store.agents.findById(id);
  if (!target || !mayManage(actor, target)) throw new ApiError(404, 'agent_not_found', 'No such agent');
  return target;
}

/** The apps to store: none for owners (they work everywhere), hosted ones only, and only what the actor may grant. */
function grantableApps(context: ApiContext, actor: AgentPrincipal, role: AgentAccount['role'], apps: string[]): string[] {
  if (role === 'owner') apps = [];
  const unknown = apps.find((appId) => !context.apps.has(appId));
  if (unknown !== undefined) throw invalidRequest(`apps: "${unknown}" is not hosted here`);
  if (!mayGrant(actor, role, apps)) throw new ApiError(403, 'forbidden', 'You may not grant this role or these apps');
  return apps;
}
