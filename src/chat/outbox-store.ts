import type { SafeStorage } from '../storage/safe-storage';
import { parseOutbox, type OutboxEntry } from './outbox';

/**
 * The outbox as this tab sees it, persisted before anything is sent. Other tabs of the same visitor write the same
 * key, so every write merges in what they stored (minus what this tab has itself removed) instead of overwriting it.
 */
export class OutboxStore {
  private entries: OutboxEntry[];
  private readonly removed = new Set<string>();

  constructor(
    private readonly storage: SafeStorage,
    private readonly key: string,
  ) {
    this.entries = parseOutbox(storage.get(key));
  }

  get all(): readonly OutboxEntry[] {
    return this.entries;
  }

  replace(next: OutboxEntry[]): void {
    const kept = new Set(next.map((entry) => entry.clientId));
    for (const entry of this.entries) if (!kept.has(entry.clientId)) this.removed.add(entry.clientId);
    this.entries = next;
    const others = parseOutbox(this.storage.get(this.key)).filter(
      (entry) => !kept.has(entry.clientId) && !this.removed.has(entry.clientId),
    );
    const stored = [...next, ...others].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (stored.length > 0) this.storage.set(this.key, JSON.stringify(stored));
    else this.storage.remove(this.key);
  }
}
