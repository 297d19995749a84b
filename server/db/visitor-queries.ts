import type { Database } from 'better-sqlite3';
import type { InputVars, LocaleCode } from '../../src/api/wire';

export interface VisitorClaims {
  name?: string;
  nickname?: string;
  email?: string;
  phone?: string;
}

export interface VisitorRecord {
  id: string;
  appId: string;
  /** The verified customer id (sbs); null for a guest. */
  customerId: string | null;
  displayName: string | null;
  locale: LocaleCode;
  claims: VisitorClaims;
  vars: InputVars;
  createdAt: string;
  updatedAt: string;
}

interface VisitorRow {
  id: string;
  app_id: string;
  customer_id: string | null;
  display_name: string | null;
  locale: string;
  claims: string;
  vars: string;
  created_at: string;
  updated_at: string;
}

export type VisitorChanges = Pick<VisitorRecord, 'customerId' | 'displayName' | 'locale' | 'claims' | 'vars' | 'updatedAt'>;

export function createVisitorQueries(db: Database) {
  const byToken = db.prepare<[string, string], VisitorRow>('SELECT * FROM visitors WHERE app_id = ? AND token_hash = ?');
  const byId = db.prepare<[string], VisitorRow>('SELECT * FROM visitors WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO visitors (id, app_id, token_hash, customer_id, display_name, locale, claims, vars, created_at, updated_at)
     VALUES (@id, @appId, @tokenHash, @customerId, @displayName, @locale, @claims, @vars, @createdAt, @updatedAt)`,
  );
  const update = db.prepare(
    `UPDATE visitors SET customer_id = @customerId, display_name = @displayName, locale = @locale, claims = @claims,
       vars = @vars, updated_at = @updatedAt WHERE id = @id`,
  );

  return {
    findByTokenHash(appId: string, tokenHash: string): VisitorRecord | undefined {
      const row = byToken.get(appId, tokenHash);
      return row && toRecord(row);
    },
    findById(id: string): VisitorRecord | undefined {
      const row = byId.get(id);
      return row && toRecord(row);
    },
    insert(visitor: VisitorRecord, tokenHash: string): void {
      insert.run({ ...visitor, tokenHash, claims: JSON.stringify(visitor.claims), vars: JSON.stringify(visitor.vars) });
    },
    update(id: string, changes: VisitorChanges): void {
      update.run({ ...changes, id, claims: JSON.stringify(changes.claims), vars: JSON.stringify(changes.vars) });
    },
  };
}

export type VisitorQueries = ReturnType<typeof createVisitorQueries>;

function toRecord(row: VisitorRow): VisitorRecord {
  return {
    id: row.id,
    appId: row.app_id,
    customerId: row.customer_id,
    displayName: row.display_name,
    locale: row.locale as LocaleCode,
    claims: JSON.parse(row.claims) as VisitorClaims,
    vars: JSON.parse(row.vars) as InputVars,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
