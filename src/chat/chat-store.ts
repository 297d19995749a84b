import { initialChatState, type ChatState } from './chat-state';

/** The conversation's one state snapshot and who listens to it: every part of the engine writes through here. */
export class ChatStore {
  private state: ChatState = initialChatState;
  private readonly listeners = new Set<(state: ChatState) => void>();

  get(): ChatState {
    return this.state;
  }

  update(change: Partial<ChatState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }
}

export const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;
