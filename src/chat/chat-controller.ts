import type { IdentityPayload, InputVars, LocaleCode, Message, Session, StreamEvent } from '../api/wire';
import type { ApiTarget } from '../api/endpoints';
import { endpoints } from '../api/endpoints';
import { ApiFailure, isApiFailure } from '../api/api-failure';
import { createSession, createVisitor, fetchMessages, fetchSession, fetchSessions, sendMessage } from '../api/chat-api';
import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';
import { RECONNECT_BACKOFF, SEND_BACKOFF, backoffDelay } from './backoff';
import { newClientId } from './client-id';
import { contiguousSeq, mergeMessages, newestSeq } from './transcript';
import { addEntry, assignSession, entriesFor, nextToSend, removeEntry, updateEntry, type OutboxEntry } from './outbox';
import { OutboxStore } from './outbox-store';
import { failReasonFor } from './fail-reason';
import { initialChatState, type ChatFailure, type ChatState } from './chat-state';
import { createWakeableSleep } from './wake-up-sleep';
import type { LiveStream } from './live-stream';

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
  /** The chat link this page was opened from: new conversations are started from it (and count toward its limit). */
  linkSlug?: string;
  random?: () => number;
}

const PAGE_SIZE = 50;
const CATCH_UP_PAGE_SIZE = 100;
const TYPING_TIMEOUT_MS = 8_000;

const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/**
 * One visitor's conversation with an app: who they are, which session is open, the transcript, the outbox and the
 * live stream. It owns every network call and storage write of the chat; components only read snapshots.
 */
export class ChatController {
  private state: ChatState = initialChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly stop = new AbortController();
  private readonly pause = createWakeableSleep();
  private readonly outbox: OutboxStore;
  private readonly random: () => number;
  private token: string | null;
  private identity: IdentityPayload | undefined;
  private visitorReady: Promise<void> | null = null;
  private renewal: Promise<void> | null = null;
  /** Settles once start() knows which conversation is open, so nothing typed meanwhile starts another one. */
  private sessionResolved: Promise<void>;
  private settleSessionResolved!: () => void;
  private sessionCreation: Promise<string> | null = null;
  private sending = false;
  private stream: LiveStream | null = null;
  /** Which openStream call is current: the stream code loads asynchronously, and only the latest may start. */
  private streamTicket = 0;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ChatControllerOptions) {
    this.token = options.storage.get(storageKeys.visitorToken(options.appId));
    this.identity = options.identity;
    this.outbox = new OutboxStore(options.storage, storageKeys.outbox(options.appId));
    this.random = options.random ?? Math.random;
    this.sessionResolved = new Promise((resolve) => (this.settleSessionResolved = resolve));
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
    if (!isOnline()) this.update({ connection: 'offline' });
    // Fetch the stream reader alongside the visitor call, so it is there when a conversation opens.
    void import('./live-stream').catch(() => undefined);
    void this.runOutbox();
    try {
      await this.ensureVisitor();
      const session = await this.resolveSession();
      if (this.stop.signal.aborted) return;
      if (session) await this.openSession(session);
      this.update({ phase: 'ready' });
    } catch (error) {
      if (!this.stop.signal.aborted) this.fail(error);
    } finally {
      this.settleSessionResolved();
    }
  }

  dispose(): void {
    this.stop.abort();
    this.closeStream();
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
    this.setOutbox(addEntry(this.outbox.all, entry));
    void this.runOutbox();
  }

  retry(clientId: string): void {
    const entry = this.outbox.all.find((candidate) => candidate.clientId === clientId);
    // A message refused because its conversation ended goes to the conversation open now instead.
    const moveTo = entry?.failReason === 'session_closed' ? { sessionId: this.openSessionId() } : {};
    this.setOutbox(updateEntry(this.outbox.all, clientId, { status: 'sending', failReason: undefined, ...moveTo }));
    void this.runOutbox();
  }

  discard(clientId: string): void {
    this.setOutbox(removeEntry(this.outbox.all, clientId));
  }

  dismissIdentityNotice(): void {
    this.update({ identityNotice: undefined });
  }

  /** Leaves the current conversation; the next message starts a new one. Unsent failures come along, to retry. */
  startNewChat(): void {
    const previous = this.state.session?.id;
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
    const carried = this.outbox.all.map((entry) =>
      entry.status === 'failed' && (entry.sessionId === previous || entry.failReason === 'session_closed')
        ? { ...entry, sessionId: undefined }
        : entry,
    );
    this.setOutbox(carried);
    this.reconcileConnection();
    void this.runOutbox();
  }

  /** Every conversation this visitor (or their verified customer) has had here, newest first. */
  async listConversations(): Promise<Session[]> {
    await this.ensureVisitor();
    return fetchSessions(this.target());
  }

  /** Picks up an earlier conversation where it was left. */
  async switchConversation(sessionId: string): Promise<void> {
    if (sessionId === this.state.session?.id) return;
    const session = await this.persist(() => fetchSession(this.target(), sessionId));
    this.closeStream();
    this.update({ agentTyping: undefined, failure: undefined, phase: 'ready' });
    await this.openSession(session);
  }

  async loadEarlier(): Promise<void> {
    const { session, messages, loadingEarlier } = this.state;
    if (!session || loadingEarlier || messages.length === 0) return;
    this.update({ loadingEarlier: true });
    try {
      const page = await fetchMessages(this.target(), session.id, { before: messages[0].seq, limit: PAGE_SIZE });
      if (session.id !== this.state.session?.id) return;
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
    this.reconcileConnection();
    this.stream?.reconnectNow();
    this.pause.wake();
  }

  wentOffline(): void {
    this.update({ connection: 'offline' });
  }

  /** The page became visible: reconnect only if the stream has been silent longer than a heartbeat. */
  checkStreamHealth(): void {
    const stream = this.stream;
    if (stream && Date.now() - stream.lastActivity > stream.heartbeatMs) this.reconnectNow();
  }

  // ——— internals ———

  private update(change: Partial<ChatState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }

  /** After the browser's word on connectivity: with a stream to wait for, "reconnecting" until it opens. */
  private reconcileConnection(): void {
    if (!isOnline()) return this.update({ connection: 'offline' });
    if (this.state.connection === 'offline') this.update({ connection: this.stream ? 'reconnecting' : 'online' });
  }

  private target(): ApiTarget {
    return { base: this.options.apiBase, appId: this.options.appId, token: this.token ?? undefined };
  }

  private openSessionId(): string | undefined {
    return this.state.session?.status === 'open' ? this.state.session.id : undefined;
  }

  private resumeSeq(): number {
    const { messages, hasEarlier } = this.state;
    return contiguousSeq(messages, hasEarlier && messages.length > 0 ? messages[0].seq : 1);
  }

  private fail(error: unknown): void {
    const code = isApiFailure(error) ? error.code : undefined;
    const failure: ChatFailure =
      code === 'app_not_found' || code === 'fullpage_disabled' || code === 'session_not_found' || code === 'link_limit_reached'
        ? code
        : 'server';
    this.update({ phase: 'failed', failure });
  }

  /** Retries transient failures for as long as they last; anything else is the caller's to handle. */
  private async persist<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await call();
        if (this.state.connection === 'reconnecting' && !this.stream) this.update({ connection: 'online' });
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

  /**
   * The backend no longer knows our token (its data was reset): become a fresh guest, once however many calls
   * noticed, and say the conversation cannot be found; what is unsent waits for the next conversation.
   */
  private lostVisitor(): Promise<void> {
    this.renewal ??= (async () => {
      this.token = null;
      this.options.storage.remove(storageKeys.visitorToken(this.options.appId));
      this.visitorReady = null;
      this.closeStream();
      this.setOutbox(this.outbox.all.map((entry) => ({ ...entry, sessionId: undefined })));
      if (this.state.session) this.update({ phase: 'failed', failure: 'session_not_found' });
      await this.ensureVisitor();
    })().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
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
    const page =
      session.lastSeq > 0
        ? await this.persist(() => fetchMessages(this.target(), session.id, { before: session.lastSeq + 1, limit: PAGE_SIZE }))
        : { messages: [], hasMore: false };
    if (this.stop.signal.aborted) return;
    this.options.storage.set(storageKeys.currentSession(this.options.appId), session.id);
    this.update({ session, messages: page.messages, logStartSeq: page.messages[0]?.seq ?? 1, hasEarlier: page.hasMore });
    this.acceptMessages(page.messages);
    this.refreshPending();
    void this.openStream(session.id);
  }

  private async ensureSession(): Promise<string> {
    await this.sessionResolved;
    const open = this.openSessionId();
    if (open) return open;
    // Without a link, `link: undefined` is left out of the JSON: the body is `{}`.
    this.sessionCreation ??= this.persist(() => createSession(this.target(), { link: this.options.linkSlug }))
      .then(async (session) => {
        this.setOutbox(assignSession(this.outbox.all, session.id));
        await this.openSession(session);
        return session.id;
      })
      .finally(() => {
        this.sessionCreation = null;
      });
    return this.sessionCreation;
  }

  private setOutbox(next: OutboxEntry[]): void {
    this.outbox.replace(next);
    this.refreshPending();
  }

  private refreshPending(): void {
    const all = this.outbox.all;
    this.update({
      pending: entriesFor(all, this.state.session?.id),
      waitingCount: all.filter((entry) => entry.status === 'sending').length,
    });
  }

  /** Server copies of messages: into the transcript once, and out of the outbox (echo and answer are one bubble). */
  private acceptMessages(messages: Message[]): void {
    if (messages.length === 0) return;
    const confirmed = new Set(messages.map((message) => message.clientId).filter(Boolean));
    this.update({ messages: mergeMessages(this.state.messages, messages) });
    if (this.outbox.all.some((entry) => confirmed.has(entry.clientId))) {
      this.setOutbox(this.outbox.all.filter((entry) => !confirmed.has(entry.clientId)));
    }
  }

  private async runOutbox(): Promise<void> {
    if (this.sending || this.stop.signal.aborted) return;
    this.sending = true;
    let attempt = 0;
    try {
      for (let entry = nextToSend(this.outbox.all); entry && !this.stop.signal.aborted; entry = nextToSend(this.outbox.all)) {
        try {
          await this.ensureVisitor();
          if (!entry.sessionId) {
            await this.sessionResolved;
            // A screen stands in for the chat (conversation not found...): wait for "start a new chat".
            if (this.state.phase === 'failed') return;
          }
          const sessionId = entry.sessionId ?? (await this.ensureSession());
          if (!entry.sessionId) this.setOutbox(updateEntry(this.outbox.all, entry.clientId, { sessionId }));
          const message = await sendMessage(this.target(), sessionId, entry.clientId, entry.text);
          attempt = 0;
          this.setOutbox(removeEntry(this.outbox.all, entry.clientId));
          if (sessionId === this.state.session?.id) this.acceptMessages([message]);
        } catch (error) {
          if (this.stop.signal.aborted) return;
          const failure = isApiFailure(error) ? error : new ApiFailure('network');
          if (failure.status === 401) {
            await this.lostVisitor().catch(() => undefined);
          } else if (failure.transient) {
            // Offline, the next try waits for the 'online' event (which wakes it) or the longest backoff.
            const wait = !isOnline() ? SEND_BACKOFF.maxMs : (failure.retryAfterMs ?? backoffDelay(attempt++, SEND_BACKOFF, this.random));
            await this.pause.sleep(wait, this.stop.signal);
          } else {
            this.setOutbox(updateEntry(this.outbox.all, entry.clientId, { status: 'failed', failReason: failReasonFor(failure) }));
            // At a chat link's limit the message stays "not sent": Retry sends it in the conversation offered instead.
            if (failure.code === 'link_limit_reached') return this.fail(failure);
          }
        }
      }
    } finally {
      this.sending = false;
    }
  }

  // ——— the live stream ———

  private closeStream(): void {
    this.streamTicket++;
    this.stream?.stop();
    this.stream = null;
  }

  private async openStream(sessionId: string): Promise<void> {
    this.closeStream();
    const ticket = this.streamTicket;
    // The stream reader is its own chunk: nothing before the first paint needs it, and it loads while the
    // transcript does.
    const { LiveStream } = await import('./live-stream');
    if (ticket !== this.streamTicket || this.stop.signal.aborted) return;
    const stream = new LiveStream(
      {
        request: () => endpoints.events(this.target(), sessionId, this.resumeSeq()),
        onEvent: (event) => this.handleStreamEvent(sessionId, event),
        onOpened: () => {
          if (this.state.connection !== 'online' && isOnline()) this.update({ connection: 'online' });
        },
        onInterrupted: () => {
          if (this.state.connection === 'online') this.update({ connection: 'reconnecting' });
        },
        onRefused: (failure) => {
          if (this.stream === stream) this.stream = null;
          if (failure.status === 401) void this.lostVisitor().catch(() => undefined);
          else this.reconcileConnection();
        },
      },
      this.pause,
      this.random,
    );
    this.stream = stream;
    stream.start();
  }

  private handleStreamEvent(sessionId: string, event: StreamEvent): void {
    if (sessionId !== this.state.session?.id) return;
    switch (event.type) {
      case 'ready':
        // Behind what we hold: the ready may just predate our own last send, or the server lost messages.
        if (event.data.lastSeq < newestSeq(this.state.messages)) void this.checkNumbering(sessionId);
        else if (event.data.lastSeq > this.resumeSeq()) void this.catchUp();
        return;
      case 'message':
        if (this.state.messages.some((held) => held.seq === event.data.seq && held.id !== event.data.id)) {
          return void this.checkNumbering(sessionId);
        }
        this.acceptMessages([event.data]);
        if (event.data.author.role === 'agent') this.setTyping(undefined);
        if (this.resumeSeq() < event.data.seq) void this.catchUp();
        return;
      case 'typing':
        this.setTyping(event.data.typing ? { name: event.data.name } : undefined);
        return;
      case 'session':
        if (event.data.id === sessionId) this.update({ session: event.data });
        return;
    }
  }

  /**
   * Compares what we hold with the server's newest page. Only when the server's numbering really differs (another
   * message under one of our seqs, or fewer messages than we hold) does its page replace ours.
   */
  private async checkNumbering(sessionId: string): Promise<void> {
    try {
      const page = await fetchMessages(this.target(), sessionId, { limit: PAGE_SIZE });
      if (sessionId !== this.state.session?.id) return;
      const held = new Map(this.state.messages.map((message) => [message.seq, message.id]));
      const conflict = page.messages.some((message) => held.has(message.seq) && held.get(message.seq) !== message.id);
      if (conflict || newestSeq(page.messages) < newestSeq(this.state.messages)) {
        this.update({ messages: page.messages, logStartSeq: page.messages[0]?.seq ?? 1, hasEarlier: page.hasMore });
        this.acceptMessages(page.messages);
      } else {
        this.acceptMessages(page.messages);
      }
    } catch {
      // The next reconnect checks again.
    }
  }

  private setTyping(typing: { name?: string } | undefined): void {
    clearTimeout(this.typingTimer);
    this.update({ agentTyping: typing });
    if (typing) this.typingTimer = setTimeout(() => this.update({ agentTyping: undefined }), TYPING_TIMEOUT_MS);
  }

  /** Fills any hole after the contiguous part of the transcript, page by page; the cursor always moves forward. */
  private catchUp(): Promise<void> {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      try {
        do {
          this.catchUpAgain = false;
          const sessionId = this.state.session?.id;
          if (!sessionId) return;
          let after = this.resumeSeq();
          for (;;) {
            const page = await this.persist(() => fetchMessages(this.target(), sessionId, { after, limit: CATCH_UP_PAGE_SIZE }));
            if (sessionId !== this.state.session?.id) return;
            this.acceptMessages(page.messages);
            const last = newestSeq(page.messages);
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
