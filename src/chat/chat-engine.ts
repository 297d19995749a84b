import type { Session } from '../api/wire';
import type { ChatState } from './chat-state';

/** What the page may ask of the conversation engine (ChatController), whether or not its code has loaded yet. */
export interface ChatEngine {
  getState(): ChatState;
  subscribe(listener: (state: ChatState) => void): () => void;
  start(): Promise<void>;
  dispose(): void;
  send(text: string): void;
  retry(clientId: string): void;
  discard(clientId: string): void;
  dismissIdentityNotice(): void;
  startNewChat(): void;
  listConversations(): Promise<Session[]>;
  switchConversation(sessionId: string): Promise<void>;
  loadEarlier(): Promise<void>;
  saveDraft(text: string): void;
  loadDraft(): string;
  reconnectNow(): void;
  wentOffline(): void;
  checkStreamHealth(): void;
}
