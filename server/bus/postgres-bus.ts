import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { LISTENER_NAME_PREFIX, type Bus } from './bus';
import type { BusEvent } from './bus-event';
import { LocalFanout } from './local-fanout';

export const BUS_CHANNEL = 'direct_chat';
// NOTIFY payloads are limited to 8000 bytes; a hint is ~150. A larger typing event is only delivered locally.
const MAX_PAYLOAD_BYTES = 7900;
const RECONNECT_DELAYS_MS = [50, 200, 500, 1000, 2000, 5000];

interface Envelope {
  /** The instance that sent it: it delivered the event to its own subscribers already. */
  from: string;
  event: BusEvent;
}

/**
 * Several instances on one PostgreSQL: a writer sends pg_notify inside its transaction (delivered at commit, never
 * for a rollback); each instance holds one dedicated LISTEN connection (not from the pool). When that connection
 * drops it reconnects, then tells every local subscriber to `resync` (re-read from the database), because
 * notifications sent while it was away are lost.
 */
export function createPostgresBus(databaseUrl: string): Bus {
  const fanout = new LocalFanout();
  const instance = randomBytes(12).toString('base64url');
  let listener: pg.Client | undefined;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;

  // How every envelope this instance sends begins (`from` is its first field).
  const ownPrefix = `${JSON.stringify({ from: instance }).slice(0, -1)},`;
  const envelope = (event: BusEvent) => {
    const hint = event.kind === 'message' ? { ...event, message: undefined } : event;
    return JSON.stringify({ from: instance, event: hint } satisfies Envelope);
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: `${LISTENER_NAME_PREFIX}${instance}` });
    client.on('notification', (notification) => {
      // Every instance hears its own notifications too: those are skipped before parsing.
      if (notification.channel !== BUS_CHANNEL || !notification.payload || notification.payload.startsWith(ownPrefix)) return;
      fanout.deliver((JSON.parse(notification.payload) as Envelope).event);
    });
    client.on('error', () => dropped(client));
    client.on('end', () => dropped(client));
    await client.connect();
    await client.query(`LISTEN ${BUS_CHANNEL}`);
    listener = client;
  }

  function dropped(client: pg.Client): void {
    if (listener !== client) return;
    listener = undefined;
    client.end().catch(() => {});
    if (!closed) scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)]!;
    reconnectTimer = setTimeout(() => {
      listen().then(
        () => {
          attempt = 0;
          if (closed) void listener?.end();
          // Hints sent while the connection was away are lost: every subscriber catches up from the database.
          else fanout.deliver({ kind: 'resync' });
        },
        () => {
          if (!closed) scheduleReconnect();
        },
      );
    }, delay);
    reconnectTimer.unref();
  }

  return {
    instance,
    fanout,
    start: listen,
    async announceWithin(trx, event) {
      await sql`select pg_notify(${BUS_CHANNEL}, ${envelope(event)})`.execute(trx);
    },
    messageNotificationOf(appId, sessionId) {
      // The hint's seq is its last field: `..."seq":0}}` split around the 0.
      const payload = envelope({ kind: 'message', appId, sessionId, seq: 0 });
      return { channel: BUS_CHANNEL, beforeSeq: payload.slice(0, -3), afterSeq: payload.slice(-2) };
    },
    async publish(event) {
      fanout.deliver(event);
      const payload = envelope(event);
      if (!listener || Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) return;
      await listener.query('select pg_notify($1, $2)', [BUS_CHANNEL, payload]).catch(() => {});
    },
    subscribe: (topic, listen) => fanout.subscribe(topic, listen),
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => {});
    },
  };
}
