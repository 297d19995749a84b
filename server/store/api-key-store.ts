import type { Selectable } from 'kysely';
import type { ApiKeyRecord } from './records';
import type { StoreCore } from './store-core';
import type { ApiKeysTable } from './tables';

export interface ApiKeyStore {
  create(key: ApiKeyRecord, keyHash: string): Promise<void>;
  /** The key with this hash, with its stored hash for the constant-time check; revoked ones too. */
  findByHash(keyHash: string): Promise<{ key: ApiKeyRecord; keyHash: string } | undefined>;
  /** An app's keys, newest first. */
  list(appId: string): Promise<ApiKeyRecord[]>;
  /** The revoked key (revoked once: a second call keeps the first time), or undefined when the app has no such key. */
  revoke(appId: string, id: string, now: string): Promise<ApiKeyRecord | undefined>;
}

export function createApiKeyStore(core: StoreCore): ApiKeyStore {
  return {
    create: (key, keyHash) =>
      core.write(async ({ trx }) => {
        await trx
          .insertInto('api_keys')
          .values({ id: key.id, app_id: key.appId, name: key.name, key_hash: keyHash, created_at: key.createdAt, revoked_at: key.revokedAt })
          .execute();
      }),
    findByHash: (keyHash) =>
      core.read(async (db) => {
        const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
        return row && { key: toRecord(row), keyHash: row.key_hash };
      }),
    list: (appId) =>
      core.read(async (db) => {
        const rows = await db.selectFrom('api_keys').selectAll().where('app_id', '=', appId).orderBy('created_at', 'desc').orderBy('id').execute();
        return rows.map(toRecord);
      }),
    revoke: (appId, id, now) =>
      core.write(async ({ trx }) => {
        await trx.updateTable('api_keys').set({ revoked_at: now }).where('app_id', '=', appId).where('id', '=', id).where('revoked_at', 'is', null).execute();
        const row = await trx.selectFrom('api_keys').selectAll().where('app_id', '=', appId).where('id', '=', id).executeTakeFirst();
        return row && toRecord(row);
      }),
  };
}

function toRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return { id: row.id, appId: row.app_id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at };
}
