import type { Kysely, Transaction } from 'kysely';
import type { Bus, MessageNotification } from '../bus/bus';
import type { BusEvent } from '../bus/bus-event';
import { guardStorage } from './storage-failure';
import type { Tables } from './tables';

type MessageEvent = Extract<BusEvent, { kind: 'message' }>;

/** Inside a unit of work: its transaction, and the events it announces (sent with the commit, never without it). */
export interface WriteScope {
  trx: Transaction<Tables>;
  announce(event: BusEvent): Promise<void>;
  /**
   * Announces the message event as announce() does, but the caller sends the notification itself, as
   * `pg_notify(...)` in a statement the unit runs anyway (one round trip less on PostgreSQL). The unit must fail if
   * that statement did not send it. Undefined when there is nothing to send: call announce().
   */
  announceInStatement(event: MessageEvent): MessageNotification | undefined;
}

/** A unit of work that is a single statement, run as its own transaction (see StoreCore.writeStatement). */
export interface StatementScope {
  db: Kysely<Tables>;
  /** What the statement must send with pg_notify for a message it appends; undefined when nothing is sent. */
  messageNotificationOf(appId: string, sessionId: string): MessageNotification | undefined;
  /** An event the statement committed (and notified, if it had to): this instance's subscribers hear it next. */
  committed(event: BusEvent): void;
}

/** What every store part is built on: reads, and units of work as transactions. */
export interface StoreCore {
  read<T>(query: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  write<T>(work: (scope: WriteScope) => Promise<T>): Promise<T>;
  /**
   * A unit of work that is ONE statement: the database runs it as its own transaction, so it needs no BEGIN and
   * COMMIT round trips. Atomic only if it really is a single statement.
   */
  writeStatement<T>(work: (scope: StatementScope) => Promise<T>): Promise<T>;
}

/**
 * Transactions begin with BEGIN IMMEDIATE on SQLite (see immediate-sqlite-dialect.ts) and a plain BEGIN on
 * PostgreSQL, where the units take the row locks they need (UPDATE ... RETURNING). After the commit this instance's
 * subscribers hear the announced events at once; other instances hear them through the bus.
 */
export function createStoreCore(db: Kysely<Tables>, bus: Bus): StoreCore {
  return {
    read: (query) => guardStorage(() => query(db)),
    async write(work) {
      const announced: BusEvent[] = [];
      const result = await guardStorage(() =>
        db.transaction().execute((trx) =>
          work({
            trx,
            async announce(event) {
              await bus.announceWithin(trx, event);
              announced.push(event);
            },
            announceInStatement(event) {
              const notification = bus.messageNotificationOf(event.appId, event.sessionId);
              if (notification) announced.push(event);
              return notification;
            },
          }),
        ),
      );
      for (const event of announced) bus.fanout.deliver(event);
      return result;
    },
    async writeStatement(work) {
      const committed: BusEvent[] = [];
      const result = await guardStorage(() =>
        work({
          db,
          messageNotificationOf: (appId, sessionId) => bus.messageNotificationOf(appId, sessionId),
          committed: (event) => void committed.push(event),
        }),
      );
      for (const event of committed) bus.fanout.deliver(event);
      return result;
    },
  };
}
