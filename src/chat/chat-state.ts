import type { IdentityError, Message, Session, Visitor } from '../api/wire';
import type { OutboxEntry } from './outbox';

/** Conditions that replace the chat with a screen of their own. */
export type ChatFailure = 'session_not_found' | 'app_not_found' | 'fullpage_disabled' | 'link_limit_reached' | 'server';

export type Connection = 'online' | 'offline' | 'reconnecting';

export interface ChatState {
  phase: 'starting' | 'ready' | 'failed';
  failure?: ChatFailure;
  visitor?: Visitor;
  identityNotice?: IdentityError;
  /** The open conversation; absent for a new chat until its first message is sent. */
  session?: Session;
  messages: Message[];
  /**
   * Which live log the messages are in: another conversation brings a log of its own (its history arrives with the
   * log, never announced as new); the conversation the visitor's first message starts stays in the log that message
   * is already in, so its bubble keeps its element.
   */
  logKey: string;
  /** Messages older than this were loaded on request and sit outside the live log, so they are not announced. */
  logStartSeq: number;
  hasEarlier: boolean;
  loadingEarlier: boolean;
  /** Outbox entries of this conversation, oldest first. */
  pending: OutboxEntry[];
  /** Everything still waiting to go out, in any conversation. */
  waitingCount: number;
  agentTyping?: { name?: string };
  connection: Connection;
}

export const initialChatState: ChatState = {
  phase: 'starting',
  messages: [],
  logKey: 'new',
  logStartSeq: 1,
  hasEarlier: false,
  loadingEarlier: false,
  pending: [],
  waitingCount: 0,
  connection: 'online',
};
