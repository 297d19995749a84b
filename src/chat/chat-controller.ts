import type { IdentityPayload, InputVars, LocaleCode, Message, Session, StreamEvent } from '../api/wire';
import type { ApiTarget } from '../api/endpoints';
import { endpoints } from '../api/endpoints';
import { ApiFailure, isApiFailure } from '../api/api-failure';
import { createSession, createVisitor, fetchMessages, fetchSession, sendMessage } from '../api/chat-api';
import { readEventStream } from '../api/event-stream';
import { parseStreamEvent } from '../api/stream-events';
import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';
import { RECONNECT_BACKOFF, SEND_BACKOFF, backoffDelay } from './backoff';
import { newClientId } from './client-id';
import { contiguousSeq, mergeMessages, newestSeq } from './transcript';
import { addEntry, assignSession, entriesFor, nextToSend, parseOutbox, removeEntry, updateEntry, type OutboxEntry } from './outbox';
import { failReasonFor } from './fail-reason';
import { initialChatState, type ChatFailure, type ChatState } from './chat-state';
import { createWakeableSleep } from './wake-up-sleep';

export interface ChatControllerOptions {
  apiBase: string;
  appId: string;
  locale: () => LocaleCode;
  storage: SafeStorage;
  /** Open this conversation (direct=1&chatid). */
  chatId?: string;
  chatIdMalformed?: boolean;
  identity?: IdentityPayload;
  identityMalformed?: boolean;
  vars?: InputVars;
  random?: () => number;
}

const PAGE_SIZE = 50;
const DEFAULT_HEARTBEAT_MS = 15_000;
const TYPING_TIMEOUT_MS = 8_000;

/**
 * One visitor's conversation with an app: who they are, which session is open, the transcript, the outbox and the
 * live stream. It owns every network call and storage write of the chat; components only read snapshots.
 */
export class ChatController {
  private state: ChatState = initialChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly stop = new AbortController();
  private readonly pause = createWakeableSleep();
  private token: string | null;
  private identity: IdentityPayload | undefined;
  private outbox: OutboxEntry[];
  private visitorReady: Promise<void> | null = null;
  private sessionCreation: Promise<string> | null = null;
  private sending = false;
  private streamAbort: AbortController | null = null;
  private connectionAbort: AbortController | null = null;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly random: () => number;

  constructor(private readonly options: ChatControllerOptions) {
    this.token = options.storage.get(storageKeys.visitorToken(options.appId));
    this.identity = options.identity;
    this.outbox = parseOutbox(options.storage.get(storageKeys.outbox(options.appId)));
    this.random = options.random ?? Math.random;
  }

  getState(): ChatState {
    return this.state;
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.refreshPending();
    if (this.options.identityMalformed) this.update({ identityNotice: 'malformed' });
    if (typeof navigator !== 'undefined' && navigator.onLine === false) this.update({ connection: 'offline' });
    try {
      await this.ensureVisitor();
      const session = await this.resolveSession();
      if (this.stop.signal.aborted) return;
      if (session) await this.openSession(session);
      this.update({ phase: 'ready' });
      void this.runOutbox();
    } catch (error) {
      if (!this.stop.signal.aborted) this.fail(error);
    }
  }

  dispose(): void {
    this.stop.abort();
    this.streamAbort?.abort();
    clearTimeout(this.watchdog);
    clearTimeout(this.typingTimer);
    this.listeners.clear();
  }

  // ——— what the visitor does ———

  send(text: string): void {
    const entry: OutboxEntry = {
      clientId: newClientId(),
      text,
      createdAt: new Date().toISOString(),
      status: 'sending',
      ...(this.state.session ? { sessionId: this.state.session.id } : {}),
    };
    this.setOutbox(addEntry(this.outbox, entry));
    void this.runOutbox();
  }

  retry(clientId: string): void {
    this.setOutbox(updateEntry(this.outbox, clientId, { status: 'sending', failReason: undefined }));
    void this.runOutbox();
  }

  discard(clientId: string): void {
    this.setOutbox(removeEntry(this.outbox, clientId));
  }

  dismissIdentityNotice(): void {
    this.update({ identityNotice: undefined });
  }

  /** Leaves the current conversation; the next message starts a new one. */
  startNewChat(): void {
    this.closeStream();
    this.options.storage.remove(storageKeys.currentSession(this.options.appId));
    this.update({
      phase: 'ready',
      failure: undefined,
      session: undefined,
      messages: [],
      logStartSeq: 1,
      hasEarlier: false,
      agentTyping: undefined,
    });
    this.refreshPending();
    void this.runOutbox();
  }

  async loadEarlier(): Promise<void> {
    const { session, messages, loadingEarlier } = this.state;
    if (!session || loadingEarlier || messages.length === 0) return;
    this.update({ loadingEarlier: true });
    try {
      const page = await fetchMessages(this.target(), session.id, { before: messages[0].seq, limit: PAGE_SIZE });
      this.update({ messages: mergeMessages(this.state.messages, page.messages), hasEarlier: page.hasMore });
    } catch {
      // The button stays; the visitor can ask again.
    } finally {
      this.update({ loadingEarlier: false });
    }
  }

  saveDraft(text: string): void {
    const key = storageKeys.draft(this.options.appId);
    if (text) this.options.storage.set(key, text);
    else this.options.storage.remove(key);
  }

  loadDraft(): string {
    return this.options.storage.get(storageKeys.draft(this.options.appId)) ?? '';
  }

  // ——— what the browser tells us ———

  /** Back online, page shown again, or restored from the back-forward cache: don't wait out a backoff. */
  reconnectNow(): void {
    if (typeof navigator !== 'undefined' && navigator.onLine !== false && this.state.connection === 'offline') {
      this.update({ connection: 'reconnecting' });
    }
    this.connectionAbort?.abort();
    this.pause.wake();
  }

  wentOffline(): void {
    this.update({ connection: 'offline' });
  }

  /** The page became visible: reconnect only if the stream has been silent longer than a heartbeat. */
  checkStreamHealth(): void {
    if (this.state.session && Date.now() - this.lastActivity > this.heartbeatMs) this.reconnectNow();
  }

  // ——— internals ———

  private lastActivity = Date.now();

  private resumeSeq(): number {
    const { messages, hasEarlier } = this.state;
    return contiguousSeq(messages, hasEarlier && messages.length > 0 ? messages[0].seq : 1);
  }

  private target(): ApiTarget {
    return { base: this.options.apiBase, appId: this.options.appId, token: this.token ?? undefined };
  }

  private update(change: Partial<ChatState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }

  private fail(error: unknown): void {
    const failure: ChatFailure =
      isApiFailure(error) && (error.code === 'app_not_found' || error.code === 'fullpage_disabled' || error.code === 'session_not_found')
        ? error.code
        : 'server';
    this.update({ phase: 'failed', failure });
  }

  /** Retries transient failures for as long as they last; anything else is the caller's to handle. */
  private async persist<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await call();
        if (this.state.connection === 'reconnecting') this.update({ connection: 'online' });
        return result;
      } catch (error) {
        if (this.stop.signal.aborted || (isApiFailure(error) && !error.transient)) throw error;
        if (this.state.connection === 'online') this.update({ connection: 'reconnecting' });
        const wait = (isApiFailure(error) && error.retryAfterMs) || backoffDelay(attempt, RECONNECT_BACKOFF, this.random);
        await this.pause.sleep(wait, this.stop.signal);
        if (this.stop.signal.aborted) throw error;
      }
    }
  }

  private ensureVisitor(): Promise<void> {
    this.visitorReady ??= this.persist(async () => {
      const response = await createVisitor(this.target(), {
        locale: this.options.locale(),
        ...(this.identity ? { identity: this.identity } : {}),
        ...(this.options.vars && Object.keys(this.options.vars).length > 0 ? { vars: this.options.vars } : {}),
      });
      // The signed identity is handed over once; from now on the token speaks for the visitor.
      this.identity = undefined;
      this.token = response.visitorToken;
      this.options.storage.set(storageKeys.visitorToken(this.options.appId), response.visitorToken);
      this.update({
        visitor: response.visitor,
        ...(response.identityError ? { identityNotice: response.identityError } : {}),
      });
    }).catch((error) => {
      this.visitorReady = null;
      throw error;
    });
    return this.visitorReady;
  }

  /** A stale token (the backend forgot it) is replaced by a fresh guest visitor. */
  private async renewVisitor(): Promise<void> {
    this.token = null;
    this.options.storage.remove(storageKeys.visitorToken(this.options.appId));
    this.visitorReady = null;
    await this.ensureVisitor();
  }

  private async resolveSession(): Promise<Session | undefined> {
    const { chatId, chatIdMalformed, appId, storage } = this.options;
    if (chatIdMalformed) throw new ApiFailure('http', 404, 'session_not_found');
    if (chatId) return this.persist(() => fetchSession(this.target(), chatId));
    const storedId = storage.get(storageKeys.currentSession(appId));
    if (!storedId) return undefined;
    try {
      return await this.persist(() => fetchSession(this.target(), storedId));
    } catch (error) {
      if (!isApiFailure(error) || error.kind !== 'http' || error.status === 400 || error.status === 404 || error.status === 401) {
        storage.remove(storageKeys.currentSession(appId));
        return undefined;
      }
      throw error;
    }
  }

  private async openSession(session: Session): Promise<void> {
    this.options.storage.set(storageKeys.currentSession(this.options.appId), session.id);
    await this.showNewestPage(session, session.lastSeq);
    this.refreshPending();
    void this.runStream(session.id);
  }

  /** Replaces the transcript with its newest page: on opening, and when the server's numbering no longer matches ours. */
  private async showNewestPage(session: Session, lastSeq: number): Promise<void> {
    const page =
      lastSeq > 0
        ? await this.persist(() => fetchMessages(this.target(), session.id, { before: lastSeq + 1, limit: PAGE_SIZE }))
        : { messages: [], hasMore: false };
    if (this.state.session && this.state.session.id !== session.id) return;
    this.update({ session, messages: page.messages, logStartSeq: page.messages[0]?.seq ?? 1, hasEarlier: page.hasMore });
    this.acceptMessages(page.messages);
  }

  private async ensureSession(): Promise<string> {
    if (this.state.session) return this.state.session.id;
    this.sessionCreation ??= this.persist(() => createSession(this.target()))
      .then(async (session) => {
        this.setOutbox(assignSession(this.outbox, session.id));
        await this.openSession(session);
        return session.id;
      })
      .finally(() => {
        this.sessionCreation = null;
      });
    return this.sessionCreation;
  }

  private setOutbox(outbox: OutboxEntry[]): void {
    this.outbox = outbox;
    const key = storageKeys.outbox(this.options.appId);
    if (outbox.length > 0) this.options.storage.set(key, JSON.stringify(outbox));
    else this.options.storage.remove(key);
    this.refreshPending();
  }

  private refreshPending(): void {
    this.update({
      pending: entriesFor(this.outbox, this.state.session?.id),
      waitingCount: this.outbox.filter((entry) => entry.status === 'sending').length,
    });
  }

  /** Server copies of messages: into the transcript once, and out of the outbox (echo and answer are one bubble). */
  private acceptMessages(messages: Message[]): void {
    if (messages.length === 0) return;
    const confirmed = new Set(messages.map((message) => message.clientId).filter(Boolean));
    this.update({ messages: mergeMessages(this.state.messages, messages) });
    if (this.outbox.some((entry) => confirmed.has(entry.clientId))) {
      this.setOutbox(this.outbox.filter((entry) => !confirmed.has(entry.clientId)));
    }
  }

  private async runOutbox(): Promise<void> {
    if (this.sending || this.stop.signal.aborted) return;
    this.sending = true;
    let attempt = 0;
    try {
      for (let entry = nextToSend(this.outbox); entry; entry = nextToSend(this.outbox)) {
        try {
          await this.ensureVisitor();
          const sessionId = entry.sessionId ?? (await this.ensureSession());
          const message = await sendMessage(this.target(), sessionId, entry.clientId, entry.text);
          attempt = 0;
          this.setOutbox(removeEntry(this.outbox, entry.clientId));
          if (sessionId === this.state.session?.id) this.acceptMessages([message]);
          if (this.state.connection === 'reconnecting') this.update({ connection: 'online' });
        } catch (error) {
          if (this.stop.signal.aborted) return;
          const failure = isApiFailure(error) ? error : new ApiFailure('network');
          if (failure.status === 401) {
            await this.renewVisitor().catch(() => undefined);
            this.setOutbox(updateEntry(this.outbox, entry.clientId, { status: 'failed', failReason: 'rejected' }));
          } else if (failure.transient) {
            // Offline, the next try waits for the 'online' event (which wakes it) or the longest backoff.
            const offline = this.state.connection === 'offline';
            const wait = offline ? SEND_BACKOFF.maxMs : (failure.retryAfterMs ?? backoffDelay(attempt++, SEND_BACKOFF, this.random));
            await this.pause.sleep(wait, this.stop.signal);
          } else {
            this.setOutbox(updateEntry(this.outbox, entry.clientId, { status: 'failed', failReason: failReasonFor(failure) }));
          }
        }
      }
    } finally {
      this.sending = false;
    }
  }

  // ——— the live stream ———

  private closeStream(): void {
    this.streamAbort?.abort();
    this.streamAbort = null;
    clearTimeout(this.watchdog);
  }

  private async runStream(sessionId: string): Promise<void> {
    this.closeStream();
    const stream = new AbortController();
    this.streamAbort = stream;
    for (let attempt = 0; !stream.signal.aborted && !this.stop.signal.aborted; ) {
      const connection = new AbortController();
      this.connectionAbort = connection;
      const abortConnection = () => connection.abort();
      stream.signal.addEventListener('abort', abortConnection);
      this.armWatchdog(connection);
      let opened = false;
      try {
        const request = endpoints.events(this.target(), sessionId, this.resumeSeq());
        await readEventStream(
          request,
          {
            onActivity: () => this.armWatchdog(connection),
            onEvent: (raw) => {
              const event = parseStreamEvent(raw);
              if (event?.type === 'ready') {
                opened = true;
                attempt = 0;
              }
              if (event) this.handleStreamEvent(event);
            },
          },
          connection.signal,
        );
      } catch (error) {
        if (isApiFailure(error) && error.kind === 'http' && !error.transient) {
          if (error.status === 401) await this.renewVisitor().catch(() => undefined);
          if (error.status === 404) return;
        }
      } finally {
        stream.signal.removeEventListener('abort', abortConnection);
        clearTimeout(this.watchdog);
      }
      if (stream.signal.aborted || this.stop.signal.aborted) return;
      const wokenEarly = connection.signal.aborted && !opened;
      if (!opened && this.state.connection === 'online') this.update({ connection: 'reconnecting' });
      if (!wokenEarly) await this.pause.sleep(backoffDelay(attempt++, RECONNECT_BACKOFF, this.random), stream.signal);
    }
  }

  private armWatchdog(connection: AbortController): void {
    this.lastActivity = Date.now();
    clearTimeout(this.watchdog);
    // iOS can drop a stream without closing it: silence past two heartbeats means it is gone.
    this.watchdog = setTimeout(() => connection.abort(), this.heartbeatMs * 2 + 2_000);
  }

  private handleStreamEvent(event: StreamEvent): void {
    switch (event.type) {
      case 'ready':
        this.heartbeatMs = event.data.heartbeatMs > 0 ? event.data.heartbeatMs : DEFAULT_HEARTBEAT_MS;
        if (this.state.connection !== 'online' && navigator.onLine !== false) this.update({ connection: 'online' });
        // Behind what we hold: the server lost or renumbered messages (restored backup, new database). Start over.
        if (event.data.lastSeq < newestSeq(this.state.messages)) void this.resync(event.data.lastSeq);
        else if (event.data.lastSeq > this.resumeSeq()) void this.catchUp();
        return;
      case 'message':
        if (this.conflicts(event.data)) return void this.resync(event.data.seq);
        this.acceptMessages([event.data]);
        if (event.data.author.role === 'agent') this.setTyping(undefined);
        if (this.resumeSeq() < event.data.seq) void this.catchUp();
        return;
      case 'typing':
        this.setTyping(event.data.typing ? { name: event.data.name } : undefined);
        return;
      case 'session':
        if (event.data.id === this.state.session?.id) this.update({ session: event.data });
        return;
    }
  }

  /** Another message already holds this seq: the numbering we have is not the server's any more. */
  private conflicts(message: Message): boolean {
    return this.state.messages.some((held) => held.seq === message.seq && held.id !== message.id);
  }

  private async resync(lastSeq: number): Promise<void> {
    const session = this.state.session;
    if (!session) return;
    try {
      await this.showNewestPage(session, lastSeq);
    } catch {
      // The next reconnect tries again.
    }
  }

  private setTyping(typing: { name?: string } | undefined): void {
    clearTimeout(this.typingTimer);
    this.update({ agentTyping: typing });
    if (typing) this.typingTimer = setTimeout(() => this.update({ agentTyping: undefined }), TYPING_TIMEOUT_MS);
  }

  /** Fills any hole after the contiguous part of the transcript, one page at a time, one run at a time. */
  private catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false;
          const session = this.state.session;
          if (!session) return;
          for (let more = true; more && session.id === this.state.session?.id; ) {
            const page = await this.persist(() =>
              fetchMessages(this.target(), session.id, { after: this.resumeSeq(), limit: 100 }),
            );
            if (session.id !== this.state.session?.id) return;
            this.acceptMessages(page.messages);
            more = page.hasMore && page.messages.length > 0;
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
