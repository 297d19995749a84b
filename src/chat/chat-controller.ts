import type { IdentityPayload, InputVars, LocaleCode, Session } from '../api/wire';
import { isApiFailure } from '../api/api-failure';
import { createSession, fetchSession, fetchSessions } from '../api/chat-api';
import { watchConnectivity } from '../dom/watch-connectivity';
import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';
import { newClientId } from './client-id';
import { addEntry, assignSession, removeEntry, updateEntry, type OutboxEntry } from './outbox';
import type { ChatFailure, ChatState } from './chat-state';
import type { ChatEngine } from './chat-engine';
import { ChatStore, isOnline } from './chat-store';
import { createDrafts } from './drafts';
import type { EngineContext } from './engine-context';
import { PendingOutbox } from './pending-outbox';
import { createPersist } from './persist-transient';
import { SendLoop } from './send-loop';
import { resolveSession } from './session-resolution';
import { StreamWiring } from './stream-wiring';
import { TranscriptSync } from './transcript-sync';
import { VisitorAccess } from './visitor-access';
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
  /** The chat link this page was opened from: new conversations are started from it (and count toward its limit). */
  linkSlug?: string;
  /** A personal deep link's code (/p/<code>): handed over once, the visitor becomes its user. */
  deepLink?: string;
  random?: () => number;
}

/**
 * One visitor's conversation with an app. It coordinates the parts that each own one concern (the visitor token,
 * the outbox and its send loop, the transcript, the live stream, drafts); components only read snapshots.
 */
export class ChatController implements ChatEngine {
  private readonly store = new ChatStore();
  private readonly stopper = new AbortController();
  private readonly pause = createWakeableSleep();
  private readonly visitor: VisitorAccess;
  private readonly outbox: PendingOutbox;
  private readonly transcript: TranscriptSync;
  private readonly streams: StreamWiring;
  private readonly sender: SendLoop;
  private readonly drafts: ReturnType<typeof createDrafts>;
  /** Settles once start() knows which conversation is open, so nothing typed meanwhile starts another one. */
  private readonly sessionResolved: Promise<void>;
  private settleSessionResolved!: () => void;
  private sessionCreation: Promise<string> | null = null;
  private newChats = 0;
  private readonly persist: EngineContext['persist'];

  constructor(private readonly options: ChatControllerOptions) {
    const { store, pause } = this;
    const stop = this.stopper.signal;
    const random = options.random ?? Math.random;
    const persist = createPersist({ store, stop, pause, random, streaming: () => this.streams.active });
    this.persist = persist;
    this.visitor = new VisitorAccess({ ...options, store, persist, onLost: () => this.forgetVisitor() });
    const context: EngineContext = { store, stop, pause, random, persist, target: () => this.visitor.target() };
    this.outbox = new PendingOutbox(options.storage, options.appId, store);
    this.transcript = new TranscriptSync(context, this.outbox);
    this.streams = new StreamWiring(context, this.transcript, () => void this.visitor.renew().catch(() => undefined));
    this.sender = new SendLoop({
      context,
      outbox: this.outbox,
      ensureVisitor: () => this.visitor.ensure(),
      sessionResolved: () => this.sessionResolved,
      ensureSession: () => this.ensureSession(),
      delivered: (sessionId, message) => {
        if (sessionId === store.get().session?.id) this.transcript.accept([message]);
      },
      lostVisitor: () => this.visitor.renew(),
      refusedWithScreen: (failure) => this.fail(failure),
    });
    this.drafts = createDrafts(options.storage, options.appId);
    this.sessionResolved = new Promise((resolve) => (this.settleSessionResolved = resolve));
  }

  getState(): ChatState {
    return this.store.get();
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    return this.store.subscribe(listener);
  }

  async start(): Promise<void> {
    const { store } = this;
    this.outbox.refresh();
    if (this.options.identityMalformed) store.update({ identityNotice: 'malformed' });
    if (!isOnline()) store.update({ connection: 'offline' });
    if (this.stopper.signal.aborted) return;
    // The browser's hints about connectivity and page life reach the engine until it is disposed (here, not in the
    // page: the first paint carries none of it).
    this.stopper.signal.addEventListener('abort', watchConnectivity(this));
    // Fetch the stream reader alongside the visitor call, so it is there when a conversation opens.
    void import('./live-stream').catch(() => undefined);
    void this.sender.run();
    try {
      await this.visitor.ensure();
      const session = await resolveSession(this.options, () => this.visitor.target(), this.persist);
      if (this.stopper.signal.aborted) return;
      if (session) await this.openSession(session);
      store.update({ phase: 'ready' });
    } catch (error) {
      if (!this.stopper.signal.aborted) this.fail(error);
    } finally {
      this.settleSessionResolved();
    }
  }

  dispose(): void {
    this.stopper.abort();
    this.streams.dispose();
    this.store.clear();
  }

  // ——— what the visitor does ———

  send(text: string): void {
    const session = this.store.get().session;
    const entry: OutboxEntry = {
      clientId: newClientId(),
      text,
      createdAt: new Date().toISOString(),
      status: 'sending',
      ...(session ? { sessionId: session.id } : {}),
    };
    this.outbox.set(addEntry(this.outbox.all, entry));
    void this.sender.run();
  }

  retry(clientId: string): void {
    const entry = this.outbox.all.find((candidate) => candidate.clientId === clientId);
    // A message refused because its conversation ended goes to the conversation open now instead.
    const moveTo = entry?.failReason === 'session_closed' ? { sessionId: this.openSessionId() } : {};
    this.outbox.set(updateEntry(this.outbox.all, clientId, { status: 'sending', failReason: undefined, ...moveTo }));
    void this.sender.run();
  }

  discard(clientId: string): void {
    this.outbox.set(removeEntry(this.outbox.all, clientId));
  }

  dismissIdentityNotice(): void {
    this.store.update({ identityNotice: undefined });
  }

  /** Leaves the current conversation; the next message starts a new one. Unsent failures come along, to retry. */
  startNewChat(): void {
    const previous = this.store.get().session?.id;
    this.streams.close();
    this.options.storage.remove(storageKeys.currentSession(this.options.appId));
    this.store.update({
      phase: 'ready',
      failure: undefined,
      session: undefined,
      messages: [],
      logKey: `new-${++this.newChats}`,
      logStartSeq: 1,
      hasEarlier: false,
      agentTyping: undefined,
    });
    const carried = this.outbox.all.map((entry) =>
      entry.status === 'failed' && (entry.sessionId === previous || entry.failReason === 'session_closed')
        ? { ...entry, sessionId: undefined }
        : entry,
    );
    this.outbox.set(carried);
    this.streams.reconcileConnection();
    void this.sender.run();
  }

  /** Every conversation this visitor (or their verified customer) has had here, newest first. */
  async listConversations(): Promise<Session[]> {
    await this.visitor.ensure();
    return fetchSessions(this.visitor.target());
  }

  /** Picks up an earlier conversation where it was left. */
  async switchConversation(sessionId: string): Promise<void> {
    if (sessionId === this.store.get().session?.id) return;
    const session = await this.persist(() => fetchSession(this.visitor.target(), sessionId));
    this.streams.close();
    this.store.update({ agentTyping: undefined, failure: undefined, phase: 'ready' });
    await this.openSession(session);
  }

  loadEarlier(): Promise<void> {
    return this.transcript.loadEarlier();
  }

  saveDraft(text: string): void {
    this.drafts.save(text);
  }

  loadDraft(): string {
    return this.drafts.load();
  }

  // ——— what the browser tells us ———

  /** Back online, page shown again, or restored from the back-forward cache: don't wait out a backoff. */
  reconnectNow(): void {
    this.streams.reconcileConnection();
    this.streams.reconnectNow();
    this.pause.wake();
  }

  wentOffline(): void {
    this.store.update({ connection: 'offline' });
  }

  /** The page became visible: reconnect only if the stream has been silent longer than a heartbeat. */
  checkStreamHealth(): void {
    if (this.streams.isStale()) this.reconnectNow();
  }

  // ——— coordination ———

  private openSessionId(): string | undefined {
    const session = this.store.get().session;
    return session?.status === 'open' ? session.id : undefined;
  }

  private fail(error: unknown): void {
    const code = isApiFailure(error) ? error.code : undefined;
    const failure: ChatFailure =
      code === 'app_not_found' || code === 'fullpage_disabled' || code === 'session_not_found' || code === 'link_limit_reached'
        ? code
        : 'server';
    this.store.update({ phase: 'failed', failure });
  }

  /** The old visitor's conversation cannot be found any more; what is unsent waits for the next conversation. */
  private forgetVisitor(): void {
    this.streams.close();
    this.outbox.set(this.outbox.all.map((entry) => ({ ...entry, sessionId: undefined })));
    if (this.store.get().session) this.store.update({ phase: 'failed', failure: 'session_not_found' });
  }

  /** Shows a conversation; one this page has just started (`startedHere`) takes the unsent messages typed into it. */
  private async openSession(session: Session, startedHere = false): Promise<void> {
    const page = await this.transcript.firstPage(session);
    if (this.stopper.signal.aborted) return;
    this.options.storage.set(storageKeys.currentSession(this.options.appId), session.id);
    if (!startedHere) this.store.update({ logKey: session.id });
    this.transcript.show(session, page);
    // Assigned once the session is shown: before, the state would hold entries of no conversation on screen, and
    // the "sending" bubbles would leave the log for a moment.
    if (startedHere) this.outbox.set(assignSession(this.outbox.all, session.id));
    else this.outbox.refresh();
    void this.streams.open(session.id);
  }

  private async ensureSession(): Promise<string> {
    await this.sessionResolved;
    const open = this.openSessionId();
    if (open) return open;
    // Without a link, `link: undefined` is left out of the JSON: the body is `{}`.
    this.sessionCreation ??= this.persist(() => createSession(this.visitor.target(), { link: this.options.linkSlug }))
      .then(async (session) => {
        await this.openSession(session, true);
        return session.id;
      })
      .finally(() => {
        this.sessionCreation = null;
      });
    return this.sessionCreation;
  }
}
