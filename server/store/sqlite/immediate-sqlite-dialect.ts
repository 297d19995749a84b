import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * SQLite where every kysely transaction starts with BEGIN IMMEDIATE: a unit of work takes the write lock before its
 * first read, so a second process writing the same file makes it wait (busy_timeout) instead of failing with
 * SQLITE_BUSY_SNAPSHOT halfway through. Kysely's own driver starts a plain (deferred) BEGIN.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
