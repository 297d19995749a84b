import { randomBytes } from 'node:crypto';
import type { Bus } from './bus';
import { LocalFanout } from './local-fanout';

/** One instance (embedded SQLite): committed events reach this process's subscribers through the store. */
export function createInProcessBus(): Bus {
  const fanout = new LocalFanout();
  return {
    instance: randomBytes(12).toString('base64url'),
    fanout,
    start: async () => {},
    announceWithin: async () => {},
    messageNotificationOf: () => undefined,
    publish: async (event) => fanout.deliver(event),
    subscribe: (topic, listener) => fanout.subscribe(topic, listener),
    close: async () => {},
  };
}
