import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import { prepareOnEveryConnection } from './postgres/prepared-statements';
import type { Tables } from './tables';

type Value = string | number | null;
// Arrays carry a batch's values (`unnest(${param('ids')}::text[])`, `= any(${param('ids')}::text[])`, never `in`,
// which would compile to `in $1`), so a batch of any size has the same text.
type Parameters<P> = { [K in keyof P]: Value | readonly Value[] };
/** A builder query, or a raw `sql` one (which compiles against the database given). */
type Buildable<R> = { compile(db: Kysely<Tables>): CompiledQuery<R> };
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

// Stands in for a value while the query is compiled (real values only replace it afterwards, by position).
const SLOT = '\u0000param:';

/**
 * A query whose shape is fixed and whose values change: built and compiled once per dialect, then each call only
 * puts its values into the compiled parameters. Kysely otherwise builds and compiles the whole operation tree on
 * every call, the largest single share of the reference server's CPU per message (bench:server profile). Values
 * must go through `param(name)`; a name the compiled query does not carry as a parameter is refused at first use.
 * PostgreSQL also prepares it once per connection (prepared-statements.ts).
 */
export function preparedQuery<P extends Parameters<P>, R>(
  build: (db: Kysely<Tables>, param: Param<P>) => Buildable<R>,
): (db: Kysely<Tables>, values: P) => Promise<QueryResult<R>> {
  const compiledByDialect = new WeakMap<object, Prepared<P, R>>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let prepared = compiledByDialect.get(adapter);
    if (!prepared) {
      prepared = prepare(db, build);
      compiledByDialect.set(adapter, prepared);
    }
    const { query, slots } = prepared;
    const parameters = query.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === undefined ? value : values[slot];
    });
    return db.executeQuery<R>({ ...query, parameters });
  };
}

interface Prepared<P, R> {
  query: CompiledQuery<R>;
  /** For each compiled parameter, the name of the value that goes there, or undefined for a constant of the query. */
  slots: (keyof P | undefined)[];
}

function prepare<P, R>(db: Kysely<Tables>, build: (db: Kysely<Tables>, param: Param<P>) => Buildable<R>): Prepared<P, R> {
  const names = new Set<string>();
  const query = build(db, (name) => {
    names.add(name);
    return `${SLOT}${name}` as never;
  }).compile(db);
  const slots = query.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(SLOT) ? (value.slice(SLOT.length) as keyof P) : undefined,
  );
  for (const name of names) {
    if (!slots.includes(name as keyof P)) throw new Error(`preparedQuery: ${name} is not a parameter of ${query.sql}`);
  }
  prepareOnEveryConnection(query.sql);
  return { query, slots };
}

/** The first row of a prepared query's result, as kysely's executeTakeFirst gives it. */
export async function firstRow<R>(result: Promise<QueryResult<R>>): Promise<R | undefined> {
  return (await result).rows[0];
}
