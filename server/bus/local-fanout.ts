import type { BusEvent, BusListener, BusTopic } from './bus-event';

const topicKey = (topic: BusTopic) => ('sessionId' in topic ? `session:${topic.sessionId}` : `app:${topic.appId}`);

/** This instance's subscribers by topic. Listeners run synchronously, in subscription order. */
export class LocalFanout {
  private readonly topics = new Map<string, Set<BusListener>>();

  subscribe(topic: BusTopic, listener: BusListener): () => void {
    const key = topicKey(topic);
    let listeners = this.topics.get(key);
    if (!listeners) this.topics.set(key, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.topics.delete(key);
    };
  }

  deliver(event: BusEvent): void {
    if (event.kind === 'resync') {
      for (const listeners of [...this.topics.values()]) for (const listener of [...listeners]) listener(event);
      return;
    }
    for (const key of [topicKey({ sessionId: event.sessionId }), topicKey({ appId: event.appId })]) {
      const listeners = this.topics.get(key);
      if (listeners) for (const listener of [...listeners]) listener(event);
    }
  }
}
