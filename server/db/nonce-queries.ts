import type { Database } from 'better-sqlite3';

export function createNonceQueries(db: Database) {
  const claim = db.prepare('INSERT OR IGNORE INTO used_nonces (app_id, sbs, ranstr, used_at) VALUES (?, ?, ?, ?)');
  return {
    /**
     * Records (appId, sbs, ranstr) as used. True only for the first caller: the primary key makes this atomic even
     * when two requests (or two processes sharing the database file) race with the same nonce.
     */
    claim(appId: string, sbs: string, ranstr: string, usedAt: string): boolean {
      return claim.run(appId, sbs, ranstr, usedAt).changes === 1;
    },
  };
}

export type NonceQueries = ReturnType<typeof createNonceQueries>;
