import type { Kysely, Selectable } from 'kysely';
import type { MessagesTable, Tables } from './tables';

/** "Up to `limit` messages of this session after seq `after`, oldest first." */
export interface CatchUpRead {
  sessionId: string;
  after: number;
  limit: number;
}

type Rows = Selectable<MessagesTable>[];
type ReadOne = (read: CatchUpRead) => Promise<Rows>;
type ReadMany = (reads: CatchUpRead[]) => Promise<Rows>;

interface Waiting {
  read: CatchUpRead;
  resolve(rows: Rows): void;
  reject(error: unknown): void;
}

/**
 * Catch-up reads asked for within one event-loop turn go to the database together: each of another instance's
 * wake-ups makes every stream of its session read the message it announces, and wake-ups arrive in bursts (one
 * read from the LISTEN socket holds several). Sessions asked for once in the turn share one query (`readMany`);
 * a session asked for twice in the turn (two streams at different points) reads alone the second time.
 */
export function batchedCatchUp(readOne: ReadOne, readMany: ReadMany): ReadOne {
  let turn: Map<string, Waiting> | undefined;

  function flush(waiting: Map<string, Waiting>): void {
    const batch = [...waiting.values()];
    const rows = batch.length === 1 ? readOne(batch[0]!.read) : readMany(batch.map(({ read }) => read));
    rows.then(
      (found) => {
        const bySession = new Map<string, Rows>();
        for (const row of found) {
          const session = bySession.get(row.session_id);
          if (session) session.push(row);
          else bySession.set(row.session_id, [row]);
        }
        for (const { read, resolve } of batch) resolve(bySession.get(read.sessionId) ?? []);
      },
      (error: unknown) => {
        for (const { reject } of batch) reject(error);
      },
    );
  }

  return (read) => {
    if (turn?.has(read.sessionId)) return readOne(read);
    if (!turn) {
      const waiting = (turn = new Map());
      setImmediate(() => {
        turn = undefined;
        flush(waiting);
      });
    }
    return new Promise<Rows>((resolve, reject) => turn!.set(read.sessionId, { read, resolve, reject }));
  };
}

/** Several sessions' catch-up reads in one query (row_number() keeps each session's own limit), by session and seq. */
export async function readCatchUps(db: Kysely<Tables>, reads: CatchUpRead[]): Promise<Rows> {
  const rows = await db
    .selectFrom((db) =>
      db
        .selectFrom('messages')
        .selectAll()
        .select((eb) => eb.fn.agg<number>('row_number').over((over) => over.partitionBy('session_id').orderBy('seq')).as('n'))
        .where((eb) => eb.or(reads.map(({ sessionId, after }) => eb.and([eb('session_id', '=', sessionId), eb('seq', '>', after)]))))
        .as('w'),
    )
    .selectAll()
    .where((eb) => eb.or(reads.map(({ sessionId, limit }) => eb.and([eb('w.session_id', '=', sessionId), eb('w.n', '<=', limit)]))))
    .orderBy('w.session_id')
    .orderBy('w.seq')
    .execute();
  return rows.map(({ n: _n, ...row }) => row);
}
