import type { Kysely } from 'kysely';
import type { StoreCore } from './store-core';
import type { Tables } from './tables';

export interface UsedNonce {
  appId: string;
  sbs: string;
  ranstr: string;
  usedAt: string;
}

export interface NonceStore {
  /**
   * Records (appId, sbs, ranstr) as used. True only for the first caller: the primary key makes this atomic even
   * when two requests, or two instances, race with the same nonce.
   */
  record(nonce: UsedNonce): Promise<boolean>;
}

export function createNonceStore(core: StoreCore): NonceStore {
  return { record: (nonce) => core.write(({ trx }) => recordNonce(trx, nonce)) };
}

export async function recordNonce(db: Kysely<Tables>, nonce: UsedNonce): Promise<boolean> {
  const inserted = await db
    .insertInto('used_nonces')
    .values({ app_id: nonce.appId, sbs: nonce.sbs, ranstr: nonce.ranstr, used_at: nonce.usedAt })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return inserted.numInsertedOrUpdatedRows === 1n;
}
