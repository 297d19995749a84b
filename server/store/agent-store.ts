import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AgentChanges, AgentRecord } from './records';
import type { StoreCore } from './store-core';
import type { AgentsTable, Tables } from './tables';

export interface AgentStore {
  /** The enabled or disabled account whose token hashes to this. */
  findByTokenHash(tokenHash: string): Promise<AgentRecord | undefined>;
  findById(id: string): Promise<AgentRecord | undefined>;
  /** By name. */
  list(): Promise<AgentRecord[]>;
  /** False when the name is taken. */
  create(agent: AgentRecord, tokenHash: string): Promise<boolean>;
  /** The changed account, or undefined when there is no such account. */
  update(id: string, changes: AgentChanges): Promise<AgentRecord | undefined>;
}

export function createAgentStore(core: StoreCore): AgentStore {
  return {
    findByTokenHash: (tokenHash) => core.read((db) => findWhere(db, 'token_hash', tokenHash)),
    findById: (id) => core.read((db) => findWhere(db, 'id', id)),
    list: () =>
      core.read(async (db) => {
        const rows = await db.selectFrom('agents').selectAll().orderBy('name').execute();
        return Promise.all(rows.map((row) => withApps(db, row)));
      }),
    create: (agent, tokenHash) =>
      core.write(async ({ trx }) => {
        const taken = await trx.selectFrom('agents').select('id').where('name', '=', agent.name).executeTakeFirst();
        if (taken) return false;
        await trx
          .insertInto('agents')
          .values({
            id: agent.id,
            name: agent.name,
            display_name: agent.displayName,
            role: agent.role,
            token_hash: tokenHash,
            disabled: agent.disabled ? 1 : 0,
            created_at: agent.createdAt,
            updated_at: agent.updatedAt,
          })
          .execute();
        await replaceApps(trx, agent.id, agent.apps);
        return true;
      }),
    update: (id, changes) =>
      core.write(async ({ trx }) => {
        const row = await trx
          .updateTable('agents')
          .set({
            updated_at: changes.updatedAt,
            ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
            ...(changes.role !== undefined ? { role: changes.role } : {}),
            ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
            ...(changes.tokenHash !== undefined ? { token_hash: changes.tokenHash } : {}),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        if (changes.apps !== undefined) await replaceApps(trx, id, changes.apps);
        return withApps(trx, row);
      }),
  };
}

async function findWhere(db: Kysely<Tables>, column: 'id' | 'token_hash', value: string): Promise<AgentRecord | undefined> {
  const row = await db.selectFrom('agents').selectAll().where(column, '=', value).executeTakeFirst();
  return row && withApps(db, row);
}

async function replaceApps(trx: Transaction<Tables>, agentId: string, apps: readonly string[]): Promise<void> {
  await trx.deleteFrom('agent_apps').where('agent_id', '=', agentId).execute();
  if (apps.length > 0) await trx.insertInto('agent_apps').values(apps.map((app_id) => ({ agent_id: agentId, app_id }))).execute();
}

async function withApps(db: Kysely<Tables>, row: Selectable<AgentsTable>): Promise<AgentRecord> {
  const apps = await db.selectFrom('agent_apps').select('app_id').where('agent_id', '=', row.id).orderBy('app_id').execute();
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role,
    apps: apps.map(({ app_id }) => app_id),
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
