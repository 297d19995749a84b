import type { StreamEvent } from '../api/wire';
import type { ApiFailure } from '../api/api-failure';
import { endpoints } from '../api/endpoints';
import { isOnline } from './chat-store';
import type { EngineContext } from './engine-context';
import type { LiveStream } from './live-stream';
import type { TranscriptSync } from './transcript-sync';
import { applyPreview, newestSeq } from './transcript';

const TYPING_TIMEOUT_MS = 8_000;

/** The open conversation's live stream and what its events mean for the state: messages, previews, typing, session, connection. */
export class StreamWiring {
  private stream: LiveStream | null = null;
  /** Which open() call is current: the stream code loads asynchronously, and only the latest may start. */
  private ticket = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly context: EngineContext,
    private readonly transcript: TranscriptSync,
    private readonly onRefused: (failure: ApiFailure) => void,
  ) {}

  get active(): boolean {
    return this.stream !== null;
  }

  async open(sessionId: string): Promise<void> {
    this.close();
    const ticket = this.ticket;
    const { store, stop, pause, random, target } = this.context;
    // The stream reader is its own chunk: nothing before the first paint needs it, and it loads while the
    // transcript does.
    const { LiveStream } = await import('./live-stream');
    if (ticket !== this.ticket || stop.aborted) return;
    const stream = new LiveStream(
      {
        request: () => endpoints.events(target(), sessionId, this.transcript.resumeSeq()),
        onEvent: (event) => this.handle(sessionId, event),
        onOpened: () => {
          if (store.get().connection !== 'online' && isOnline()) store.update({ connection: 'online' });
        },
        onInterrupted: () => {
          if (store.get().connection === 'online') store.update({ connection: 'reconnecting' });
        },
        onRefused: (failure) => {
          if (this.stream === stream) this.stream = null;
          if (failure.status === 401) this.onRefused(failure);
          else this.reconcileConnection();
        },
      },
      pause,
      random,
    );
    this.stream = stream;
    stream.start();
  }

  close(): void {
    this.ticket++;
    this.stream?.stop();
    this.stream = null;
  }

  dispose(): void {
    this.close();
    clearTimeout(this.typingTimer);
  }

  reconnectNow(): void {
    this.stream?.reconnectNow();
  }

  /** Silent longer than a heartbeat (the page was hidden, the phone slept): worth reconnecting. */
  isStale(): boolean {
    const stream = this.stream;
    return stream !== null && Date.now() - stream.lastActivity > stream.heartbeatMs;
  }

  /** After the browser's word on connectivity: with a stream to wait for, "reconnecting" until it opens. */
  reconcileConnection(): void {
    const { store } = this.context;
    if (!isOnline()) return store.update({ connection: 'offline' });
    if (store.get().connection === 'offline') store.update({ connection: this.stream ? 'reconnecting' : 'online' });
  }

  private handle(sessionId: string, event: StreamEvent): void {
    const { store } = this.context;
    const transcript = this.transcript;
    if (sessionId !== store.get().session?.id) return;
    switch (event.type) {
      case 'ready':
        // Behind what we hold: the ready may just predate our own last send, or the server lost messages.
        if (event.data.lastSeq < newestSeq(store.get().messages)) void transcript.checkNumbering(sessionId);
        else if (event.data.lastSeq > transcript.resumeSeq()) void transcript.catchUp();
        return;
      case 'message':
        if (store.get().messages.some((held) => held.seq === event.data.seq && held.id !== event.data.id)) {
          return void transcript.checkNumbering(sessionId);
        }
        transcript.accept([event.data]);
        if (event.data.author.role === 'agent') this.setTyping(undefined);
        if (transcript.resumeSeq() < event.data.seq) void transcript.catchUp();
        return;
      case 'typing':
        this.setTyping(event.data.typing ? { name: event.data.name } : undefined);
        return;
      case 'session':
        if (event.data.id === sessionId) store.update({ session: event.data });
        return;
      case 'preview': {
        const messages = applyPreview(store.get().messages, event.data);
        if (messages !== store.get().messages) store.update({ messages });
        return;
      }
    }
  }

  private setTyping(typing: { name?: string } | undefined): void {
    clearTimeout(this.typingTimer);
    this.context.store.update({ agentTyping: typing });
    if (typing) this.typingTimer = setTimeout(() => this.context.store.update({ agentTyping: undefined }), TYPING_TIMEOUT_MS);
  }
}
