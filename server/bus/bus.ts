import type { Transaction } from 'kysely';
import type { Tables } from '../store/tables';
import type { BusEvent, BusListener, BusTopic } from './bus-event';
import type { LocalFanout } from './local-fanout';

/**
 * The pg_notify of a message's hint, for a statement that assigns the message's seq itself:
 * `pg_notify(channel, beforeSeq || seq || afterSeq)`.
 */
export interface MessageNotification {
  channel: string;
  beforeSeq: string;
  afterSeq: string;
}

/**
 * How an instance names its LISTEN connection (application_name in pg_stat_activity): this prefix and its id, so the
 * others can tell it is alive.
 */
export const LISTENER_NAME_PREFIX = 'direct-chat-listener ';

/** Publish/subscribe of wake-ups: in-process for one instance, PostgreSQL LISTEN/NOTIFY across instances. */
export interface Bus {
  /** This server process, among the instances of one deployment. */
  readonly instance: string;
  /** Connects what carries events between instances (the LISTEN connection); call once, after the store opened. */
  start(): Promise<void>;
  /** Inside a write transaction: the event leaves with the commit and never without it (pg_notify on PostgreSQL). */
  announceWithin(trx: Transaction<Tables>, event: BusEvent): Promise<void>;
  /**
   * What announceWithin would send for a message of this session, for a unit that sends it in a statement of its
   * own (pg_notify in the INSERT's RETURNING: no round trip of its own); undefined when this bus sends nothing (one
   * instance).
   */
  messageNotificationOf(appId: string, sessionId: string): MessageNotification | undefined;
  /** An event that is not stored (typing): to every instance, now. */
  publish(event: BusEvent): Promise<void>;
  subscribe(topic: BusTopic, listener: BusListener): () => void;
  /** This instance's subscribers; the store hands them its committed events at once. */
  readonly fanout: LocalFanout;
  close(): Promise<void>;
}
