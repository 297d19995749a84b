import type { Kysely, Transaction } from 'kysely';
import type { Bus, BusNotification } from '../bus/bus';
import type { BusEvent } from '../bus/bus-event';
import { guardStorage } from './storage-failure';
import type { Tables } from './tables';

/** Inside a unit of work: its transaction, and the events it announces (sent with the commit, never without it). */
export interface WriteScope {
  trx: Transaction<Tables>;
  announce(event: BusEvent): Promise<void>;
  /**
   * Announces the event as announce() does, but the caller sends the notification itself, as
   * `pg_notify(channel, payload)` in a statement the unit runs anyway (one round trip less on PostgreSQL). The unit
   * must fail if that statement did not send it. Undefined when there is nothing to send: call announce().
   */
  announceInStatement(event: BusEvent): BusNotification | undefined;
}

/** What every store part is built on: reads, and units of work as transactions. */
export interface StoreCore {
  read<T>(query: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  write<T>(work: (scope: WriteScope) => Promise<T>): Promise<T>;
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
              const notification = bus.notificationOf(event);
              if (notification) announced.push(event);
              return notification;
            },
          }),
        ),
      );
      for (const event of announced) bus.fanout.deliver(event);
      return result;
    },
  };
}
