import type { Message } from '../api/wire';
import { ApiFailure, isApiFailure } from '../api/api-failure';
import { sendMessage } from '../api/chat-api';
import { SEND_BACKOFF, backoffDelay } from './backoff';
import { isOnline } from './chat-store';
import type { EngineContext } from './engine-context';
import { failReasonFor } from './fail-reason';
import { nextToSend, removeEntry, updateEntry } from './outbox';
import type { PendingOutbox } from './pending-outbox';

export interface SendLoopDeps {
  context: EngineContext;
  outbox: PendingOutbox;
  ensureVisitor(): Promise<void>;
  /** Settles once the engine knows which conversation is open at load. */
  sessionResolved(): Promise<void>;
  /** The open conversation's id, starting one if none is open. */
  ensureSession(): Promise<string>;
  /** The server's copy of a message sent into the conversation shown now. */
  delivered(sessionId: string, message: Message): void;
  /** 401: the backend forgot the visitor. */
  lostVisitor(): Promise<void>;
  /** A refusal that replaces the chat with a screen (a chat link's limit reached). */
  refusedWithScreen(failure: ApiFailure): void;
}

/**
 * Sends the outbox oldest first, one at a time, through transient failures (waiting out a backoff or the
 * server's Retry-After); a refusal marks that one message failed and the loop goes on.
 */
export class SendLoop {
  private running = false;

  constructor(private readonly deps: SendLoopDeps) {}

  async run(): Promise<void> {
    const { context, outbox } = this.deps;
    const { stop, pause, random, store } = context;
    if (this.running || stop.aborted) return;
    this.running = true;
    let attempt = 0;
    try {
      for (let entry = nextToSend(outbox.all); entry && !stop.aborted; entry = nextToSend(outbox.all)) {
        try {
          await this.deps.ensureVisitor();
          if (!entry.sessionId) {
            await this.deps.sessionResolved();
            // A screen stands in for the chat (conversation not found...): wait for "start a new chat".
            if (store.get().phase === 'failed') return;
          }
          const sessionId = entry.sessionId ?? (await this.deps.ensureSession());
          if (!entry.sessionId) outbox.set(updateEntry(outbox.all, entry.clientId, { sessionId }));
          const message = await sendMessage(context.target(), sessionId, entry.clientId, entry.text);
          attempt = 0;
          outbox.set(removeEntry(outbox.all, entry.clientId));
          this.deps.delivered(sessionId, message);
        } catch (error) {
          if (stop.aborted) return;
          const failure = isApiFailure(error) ? error : new ApiFailure('network');
          if (failure.status === 401) {
            await this.deps.lostVisitor().catch(() => undefined);
          } else if (failure.transient) {
            // Offline, the next try waits for the 'online' event (which wakes it) or the longest backoff.
            const wait = !isOnline() ? SEND_BACKOFF.maxMs : (failure.retryAfterMs ?? backoffDelay(attempt++, SEND_BACKOFF, random));
            await pause.sleep(wait, stop);
          } else {
            outbox.set(updateEntry(outbox.all, entry.clientId, { status: 'failed', failReason: failReasonFor(failure) }));
            // At a chat link's limit the message stays "not sent": Retry sends it in the conversation offered instead.
            if (failure.code === 'link_limit_reached') return this.deps.refusedWithScreen(failure);
          }
        }
      }
    } finally {
      this.running = false;
    }
  }
}
