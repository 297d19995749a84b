import { isStalePreparedStatement } from './postgres/prepared-statements';
import { StorageUnavailableError } from './storage-unavailable-error';

// Failures of the storage itself, not of the query: worth a 503 and a retry rather than a 500.
const SQLITE_UNAVAILABLE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM|PROTOCOL|CORRUPT|NOTADB)/;
// PostgreSQL SQLSTATE classes 08 (connection), 53 (resources), 57P (shutdown), read-only transaction, and the
// transient conflicts (serialization failure, deadlock).
const POSTGRES_UNAVAILABLE = /^(08...|53...|57P0[1-3]|25006|40001|40P01)$/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const POOL_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/;

export function isStorageFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SQLITE_UNAVAILABLE.test(code) || POSTGRES_UNAVAILABLE.test(code) || NETWORK_CODES.has(code))) {
    return true;
  }
  return POOL_MESSAGES.test(error.message) || isStalePreparedStatement(error);
}

/** Runs a unit of work; a storage failure comes out as StorageUnavailableError (with the original as its cause). */
export async function guardStorage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStorageFailure(error)) {
      throw new StorageUnavailableError('The database cannot be reached or written just now', { cause: error });
    }
    throw error;
  }
}
