import { sql, type Kysely, type Selectable } from 'kysely';
import { batchedPerTurn } from './batched-per-turn';
import { preparedQuery } from './prepared-query';
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

/**
 * Live catch-up reads asked for within one event-loop turn go to the database together (see batched-per-turn.ts):
 * each of another instance's wake-ups makes every stream of its session read the message it announces, and wake-ups
 * arrive in bursts (one read from the LISTEN socket holds several). A session asked for twice in the turn (two streams
 * at different points) reads the second time in a later turn. Only for a stream's first page after a wake-up: a
 * replay's pages must follow each other at once, or a stalled reader's backlog slips into the kernel's buffers between
 * turns and the stream's cut-off never comes.
 */
export function batchedCatchUp(readOne: ReadOne, readMany: ReadMany): ReadOne {
  return batchedPerTurn(
    (read) => read.sessionId,
    readOne,
    async (reads) => {
      const bySession = new Map<string, Rows>();
      for (const row of await readMany(reads)) {
        const session = bySession.get(row.session_id);
        if (session) session.push(row);
        else bySession.set(row.session_id, [row]);
      }
      return reads.map((read) => bySession.get(read.sessionId) ?? []);
    },
  );
}

/**
 * PostgreSQL: several sessions' catch-up reads in one statement of fixed text (the reads travel as three arrays), each
 * session after its own seq and within its own limit, by session and seq.
 */
export async function readCatchUps(db: Kysely<Tables>, reads: CatchUpRead[]): Promise<Rows> {
  const values = {
    sessionIds: reads.map((read) => read.sessionId),
    afterSeqs: reads.map((read) => read.after),
    limits: reads.map((read) => read.limit),
  };
  return (await catchUpsStatement(db, values)).rows;
}

const catchUpsStatement = preparedQuery<{ sessionIds: string[]; afterSeqs: number[]; limits: number[] }, Selectable<MessagesTable>>(
  (_db, param) => sql`
    select m.* from unnest(${param('sessionIds')}::text[], ${param('afterSeqs')}::int[], ${param('limits')}::int[])
      as w(session_id, after_seq, max_rows)
    cross join lateral (
      select * from messages where messages.session_id = w.session_id and messages.seq > w.after_seq
      order by messages.seq limit w.max_rows
    ) as m
    order by m.session_id, m.seq`,
);
