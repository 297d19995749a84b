import type { Message, Session } from '../api/wire';
import { fetchMessages, type ReadMessagePage } from '../api/chat-api';
import type { EngineContext } from './engine-context';
import type { PendingOutbox } from './pending-outbox';
import { contiguousSeq, mergeMessages, newestSeq } from './transcript';

export const PAGE_SIZE = 50;
const CATCH_UP_PAGE_SIZE = 100;

/** The open conversation's transcript kept in step with the server: first page, earlier pages, holes, renumbering. */
export class TranscriptSync {
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  /** Seqs of the open conversation the server holds but this page cannot read: not holes to fill again and again. */
  private unreadable = { sessionId: '', seqs: new Set<number>() };

  constructor(
    private readonly context: EngineContext,
    private readonly outbox: PendingOutbox,
  ) {}

  /** The newest page of a conversation (none for an empty one). */
  firstPage(session: Session): Promise<ReadMessagePage> {
    const { persist, target } = this.context;
    return session.lastSeq > 0
      ? persist(() => fetchMessages(target(), session.id, { before: session.lastSeq + 1, limit: PAGE_SIZE }))
      : Promise.resolve({ messages: [], hasMore: false, unreadable: [] });
  }

  show(session: Session, page: ReadMessagePage): void {
    this.context.store.update({ session, messages: page.messages, logStartSeq: page.messages[0]?.seq ?? 1, hasEarlier: page.hasMore });
    this.unreadable = { sessionId: session.id, seqs: new Set(page.unreadable) };
    this.accept(page.messages);
  }

  /** The seq up to which we hold every message (or know it unreadable): where a stream or a catch-up resumes. */
  resumeSeq(): number {
    const { messages, hasEarlier, session } = this.context.store.get();
    const unreadable = session?.id === this.unreadable.sessionId ? this.unreadable.seqs : undefined;
    return contiguousSeq(messages, hasEarlier && messages.length > 0 ? messages[0].seq : 1, unreadable);
  }

  private noteUnreadable(sessionId: string, page: ReadMessagePage): void {
    if (this.unreadable.sessionId !== sessionId) this.unreadable = { sessionId, seqs: new Set() };
    for (const seq of page.unreadable) this.unreadable.seqs.add(seq);
  }

  /** Server copies of messages: into the transcript once, and out of the outbox (echo and answer are one bubble). */
  accept(messages: Message[]): void {
    if (messages.length === 0) return;
    const { store } = this.context;
    const confirmed = new Set(messages.map((message) => message.clientId).filter(Boolean));
    store.update({ messages: mergeMessages(store.get().messages, messages) });
    if (this.outbox.all.some((entry) => confirmed.has(entry.clientId))) {
      this.outbox.set(this.outbox.all.filter((entry) => !confirmed.has(entry.clientId)));
    }
  }

  async loadEarlier(): Promise<void> {
    const { store, target } = this.context;
    const { session, messages, loadingEarlier } = store.get();
    if (!session || loadingEarlier || messages.length === 0) return;
    store.update({ loadingEarlier: true });
    try {
      const page = await fetchMessages(target(), session.id, { before: messages[0].seq, limit: PAGE_SIZE });
      if (session.id !== store.get().session?.id) return;
      this.noteUnreadable(session.id, page);
      store.update({ messages: mergeMessages(store.get().messages, page.messages), hasEarlier: page.hasMore });
    } catch {
      // The button stays; the visitor can ask again.
    } finally {
      store.update({ loadingEarlier: false });
    }
  }

  /**
   * Compares what we hold with the server's newest page. Only when the server's numbering really differs (another
   * message under one of our seqs, or fewer messages than we hold) does its page replace ours.
   */
  async checkNumbering(sessionId: string): Promise<void> {
    const { store, target } = this.context;
    try {
      const page = await fetchMessages(target(), sessionId, { limit: PAGE_SIZE });
      const state = store.get();
      if (sessionId !== state.session?.id) return;
      this.noteUnreadable(sessionId, page);
      const held = new Map(state.messages.map((message) => [message.seq, message.id]));
      const conflict = page.messages.some((message) => held.has(message.seq) && held.get(message.seq) !== message.id);
      if (conflict || newestSeq(page.messages) < newestSeq(state.messages)) {
        this.show(state.session, page);
      } else {
        this.accept(page.messages);
      }
    } catch {
      // The next reconnect checks again.
    }
  }

  /** Fills any hole after the contiguous part of the transcript, page by page; the cursor always moves forward. */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const { store, target, persist } = this.context;
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false;
          const sessionId = store.get().session?.id;
          if (!sessionId) return;
          let after = this.resumeSeq();
          for (;;) {
            const page = await persist(() => fetchMessages(target(), sessionId, { after, limit: CATCH_UP_PAGE_SIZE }));
            if (sessionId !== store.get().session?.id) return;
            this.noteUnreadable(sessionId, page);
            this.accept(page.messages);
            const last = Math.max(newestSeq(page.messages), ...page.unreadable);
            if (!page.hasMore || last <= after) break;
            after = last;
          }
        } while (this.catchUpAgain);
      } catch {
        // The next reconnect catches up again.
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }
}
