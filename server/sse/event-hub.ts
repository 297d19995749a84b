/** One server-sent event: `id` only on message events (it is the message's seq). */
export interface HubEvent {
  event: string;
  data: unknown;
  id?: number;
}

export type HubListener = (event: HubEvent) => void;

export const sessionTopic = (sessionId: string) => `session:${sessionId}`;
export const appTopic = (appId: string) => `app:${appId}`;

/** In-process publish/subscribe by topic. Listeners run synchronously, in subscription order. */
export class EventHub {
  private readonly topics = new Map<string, Set<HubListener>>();

  subscribe(topic: string, listener: HubListener): () => void {
    let listeners = this.topics.get(topic);
    if (!listeners) this.topics.set(topic, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.topics.delete(topic);
    };
  }

  hasListeners(topic: string): boolean {
    return this.topics.has(topic);
  }

  publish(topic: string, event: HubEvent): void {
    const listeners = this.topics.get(topic);
    if (!listeners) return;
    for (const listener of [...listeners]) listener(event);
  }
}
