import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const names = new Map<string, string>();

/**
 * Marks a statement text as fixed: its values only ever travel as parameters. On PostgreSQL each connection then
 * parses and plans it once, under a name, and afterwards sends only the values (the busiest statements spent about as
 * long being planned as being run). Only for texts that do not vary with their values, or every connection would
 * keep one prepared statement per variant.
 */
export function prepareOnEveryConnection(text: string): void {
  // Named after the text itself, so a name means the same statement in every process and version.
  if (!names.has(text)) names.set(text, `direct_chat_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`);
}

/**
 * PostgreSQL refused a prepared statement because a migration (by another instance, of a newer version) changed the
 * columns it returns. Its connection is dropped, so a retry prepares it afresh on a new one.
 */
export function isStalePreparedStatement(error: unknown): boolean {
  // "cached plan must not change result type"; the message is translated (lc_messages), the routine is not.
  const { code, routine } = error as { code?: unknown; routine?: unknown };
  return error instanceof Error && code === '0A000' && routine === 'RevalidateCachedQuery';
}

/** The pool as kysely uses it, with the marked statements prepared by name on each connection. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per connection, as kysely expects of a pool's clients (it keeps its own per client).
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let stale = false;
    // Kysely passes a fresh copy of the values, and pg does not change them.
    const query = (text: string, values: unknown[]) => {
      const name = names.get(text);
      if (!name) return client.query(text, values);
      return client.query({ name, text, values }).catch((error: unknown) => {
        if (isStalePreparedStatement(error)) stale = true;
        throw error;
      });
    };
    return {
      // Kysely asks for a cursor only when its dialect is given one, and this one is not.
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy === true || stale),
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
