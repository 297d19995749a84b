import type { Kysely, Selectable } from 'kysely';
import type { DeepLinkAttributes } from '../deep-links/attribute-rules';
import type { DeepLinkRecord, UserContextRecord } from './records';
import type { StoreCore } from './store-core';
import type { DeepLinksTable, Tables } from './tables';

/** A request's Idempotency-Key with the hash of its body, and when replays of it are forgotten. */
export interface IdempotencyClaim {
  key: string;
  bodyHash: string;
  /** Replays created before this are purged (and the key is new again). */
  forgetBefore: string;
}

/** One generation: a new link per entry, or the answer of an earlier request with the same key. */
export type GenerateOutcome<T> = { created: T } | { replayed: T } | { keyReused: true };

export interface DeepLinkStore {
  /**
   * One unit of work: with an Idempotency-Key, the earlier answer for the same key and body (or keyReused for another
   * body); otherwise the links are stored and `answer` recorded for later retries.
   */
  generate<T>(
    apiKeyId: string,
    links: ReadonlyArray<DeepLinkRecord & { codeHash: string }>,
    answer: T,
    now: string,
    idempotency?: IdempotencyClaim,
  ): Promise<GenerateOutcome<T>>;
  find(codeHash: string): Promise<DeepLinkRecord | undefined>;
  /** False when the app has no link with this code; revoking twice keeps the first time. */
  revoke(appId: string, codeHash: string, now: string): Promise<boolean>;
  /** Records the link's attributes as the user's context (the newest opened link wins). */
  saveUserContext(context: UserContextRecord): Promise<void>;
  findUserContext(appId: string, userId: string): Promise<UserContextRecord | undefined>;
}

export function createDeepLinkStore(core: StoreCore): DeepLinkStore {
  return {
    generate: <T>(apiKeyId: string, links: ReadonlyArray<DeepLinkRecord & { codeHash: string }>, answer: T, now: string, idempotency?: IdempotencyClaim) =>
      core.write(async ({ trx }): Promise<GenerateOutcome<T>> => {
        if (idempotency) {
          await trx.deleteFrom('deep_link_requests').where('api_key_id', '=', apiKeyId).where('created_at', '<', idempotency.forgetBefore).execute();
          // Insert first: on PostgreSQL a racing twin waits here for this commit, then finds the row below.
          const claimed = await trx
            .insertInto('deep_link_requests')
            .values({ api_key_id: apiKeyId, idempotency_key: idempotency.key, body_hash: idempotency.bodyHash, response: JSON.stringify(answer), created_at: now })
            .onConflict((conflict) => conflict.doNothing())
            .executeTakeFirst();
          if (claimed.numInsertedOrUpdatedRows !== 1n) {
            const earlier = await trx
              .selectFrom('deep_link_requests')
              .select(['body_hash', 'response'])
              .where('api_key_id', '=', apiKeyId)
              .where('idempotency_key', '=', idempotency.key)
              .executeTakeFirstOrThrow();
            return earlier.body_hash === idempotency.bodyHash ? { replayed: JSON.parse(earlier.response) as T } : { keyReused: true as const };
          }
        }
        // Batches keep each INSERT well under SQLite's and PostgreSQL's bound-parameter limits.
        for (let start = 0; start < links.length; start += 100) {
          await trx.insertInto('deep_links').values(links.slice(start, start + 100).map(toRow)).execute();
        }
        return { created: answer };
      }),
    find: (codeHash) =>
      core.read(async (db) => {
        const row = await db.selectFrom('deep_links').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
        return row && toRecord(row);
      }),
    revoke: (appId, codeHash, now) =>
      core.write(async ({ trx }) => {
        const found = await trx.selectFrom('deep_links').select('revoked_at').where('app_id', '=', appId).where('code_hash', '=', codeHash).executeTakeFirst();
        if (!found) return false;
        if (found.revoked_at === null) await trx.updateTable('deep_links').set({ revoked_at: now }).where('code_hash', '=', codeHash).execute();
        return true;
      }),
    saveUserContext: (context) =>
      core.write(async ({ trx }) => {
        const attributes = JSON.stringify(context.attributes);
        await trx
          .insertInto('user_contexts')
          .values({ app_id: context.appId, user_id: context.userId, attributes, updated_at: context.updatedAt })
          .onConflict((conflict) => conflict.columns(['app_id', 'user_id']).doUpdateSet({ attributes, updated_at: context.updatedAt }))
          .execute();
      }),
    findUserContext: (appId, userId) => core.read((db) => findUserContext(db, appId, userId)),
  };
}

async function findUserContext(db: Kysely<Tables>, appId: string, userId: string): Promise<UserContextRecord | undefined> {
  const row = await db.selectFrom('user_contexts').selectAll().where('app_id', '=', appId).where('user_id', '=', userId).executeTakeFirst();
  return row && { appId: row.app_id, userId: row.user_id, attributes: JSON.parse(row.attributes) as DeepLinkAttributes, updatedAt: row.updated_at };
}

function toRow(link: DeepLinkRecord & { codeHash: string }): DeepLinksTable {
  return {
    code_hash: link.codeHash,
    app_id: link.appId,
    api_key_id: link.apiKeyId,
    scenario_id: link.scenarioId,
    user_id: link.userId,
    attributes: JSON.stringify(link.attributes),
    created_at: link.createdAt,
    expires_at: link.expiresAt,
    revoked_at: link.revokedAt,
    invitation_id: link.invitationId ?? null,
  };
}

function toRecord(row: Selectable<DeepLinksTable>): DeepLinkRecord {
  return {
    appId: row.app_id,
    apiKeyId: row.api_key_id,
    scenarioId: row.scenario_id,
    userId: row.user_id,
    attributes: JSON.parse(row.attributes) as DeepLinkAttributes,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    invitationId: row.invitation_id ?? null,
  };
}
