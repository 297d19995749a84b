import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';
import type { ChatStore } from './chat-store';
import { entriesFor, type OutboxEntry } from './outbox';
import { OutboxStore } from './outbox-store';

/** The stored outbox, mirrored into the state: what the open conversation still waits for, and how much in all. */
export class PendingOutbox {
  private readonly stored: OutboxStore;

  constructor(
    storage: SafeStorage,
    appId: string,
    private readonly store: ChatStore,
  ) {
    this.stored = new OutboxStore(storage, storageKeys.outbox(appId));
  }

  get all(): readonly OutboxEntry[] {
    return this.stored.all;
  }

  set(next: OutboxEntry[]): void {
    this.stored.replace(next);
    this.refresh();
  }

  refresh(): void {
    const all = this.stored.all;
    this.store.update({
      pending: entriesFor(all, this.store.get().session?.id),
      waitingCount: all.filter((entry) => entry.status === 'sending').length,
    });
  }
}
