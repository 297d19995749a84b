import { afterFirstPaint } from '../dom/after-first-paint';
import type { ChatControllerOptions } from './chat-controller';
import type { LinkOptions } from './engine-code';
import type { ChatEngine } from './chat-engine';
import { initialChatState, type ChatState } from './chat-state';
import { createDrafts } from './drafts';

type EngineModule = typeof import('./engine-code');

/** The engine's options, the page's link still unread (its code reads it): the query it was opened with. */
export interface LazyChatEngineOptions extends Omit<ChatControllerOptions, keyof LinkOptions> {
  link?: { search: string; withIdentity: boolean };
}

let loading: Promise<EngineModule> | undefined;

/** Downloads the engine's code once the first paint is on screen (asked for by the page's first effect). */
export function preloadChatEngine(): Promise<EngineModule> {
  loading ??= afterFirstPaint().then(() => import('./engine-code'));
  // A failed download may be tried again (Try again builds a new engine).
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * The conversation engine, usable at once while its code is still downloading: the page renders from the initial
 * state, calls made meanwhile run in order once it is there, and drafts (read while rendering) need no engine.
 * `shownWith` loads what shows the engine's states (in parallel, after the first paint too): the engine starts once
 * both are here, so no state arrives before the code and messages that show it.
 */
export function createLazyChatEngine({ link, ...options }: LazyChatEngineOptions, shownWith?: () => Promise<unknown>): ChatEngine {
  const listeners = new Set<(state: ChatState) => void>();
  const drafts = createDrafts(options.storage, options.appId);
  let state = initialChatState;
  let engine: ChatEngine | undefined;
  let disposed = false;
  const notify = (next: ChatState) => {
    state = next;
    for (const listener of listeners) listener(next);
  };
  // Asked for by the first call (start() runs in an effect, after the first paint): the paint never waits for the
  // engine's download or evaluation.
  let loaded: Promise<ChatEngine> | undefined;
  const ready = (): Promise<ChatEngine> =>
    (loaded ??= Promise.all([preloadChatEngine(), shownWith?.()]).then(
      ([{ ChatController, readLinkOptions }]) => {
        engine = new ChatController(link ? { ...options, ...readLinkOptions(link.search, link.withIdentity) } : options);
        if (disposed) engine.dispose();
        else engine.subscribe(notify);
        return engine;
      },
      (error: unknown) => {
        notify({ ...state, phase: 'failed', failure: 'server' });
        throw error;
      },
    ));
  const later = (call: (engine: ChatEngine) => void) => void ready().then(call, () => undefined);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => ready().then((loaded) => (disposed ? undefined : loaded.start()), () => undefined),
    dispose() {
      disposed = true;
      listeners.clear();
      engine?.dispose();
    },
    send: (text) => later((loaded) => loaded.send(text)),
    retry: (clientId) => later((loaded) => loaded.retry(clientId)),
    discard: (clientId) => later((loaded) => loaded.discard(clientId)),
    dismissIdentityNotice: () => later((loaded) => loaded.dismissIdentityNotice()),
    startNewChat: () => later((loaded) => loaded.startNewChat()),
    listConversations: () => ready().then((loaded) => loaded.listConversations()),
    switchConversation: (sessionId) => ready().then((loaded) => loaded.switchConversation(sessionId)),
    loadEarlier: () => ready().then((loaded) => loaded.loadEarlier(), () => undefined),
    saveDraft: (text) => drafts.save(text),
    loadDraft: () => drafts.load(),
    reconnectNow: () => engine?.reconnectNow(),
    wentOffline: () => engine?.wentOffline(),
    checkStreamHealth: () => engine?.checkStreamHealth(),
  };
}
