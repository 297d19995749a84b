import type { AgentStore } from './agent-store';
import type { LinkStore } from './link-store';
import type { ApiKeyStore } from './api-key-store';
import type { DeepLinkStore } from './deep-link-store';
import type { InvitationStore } from './invitation-store';
import type { MessageStore } from './message-store';
import type { NonceStore } from './nonce-store';
import type { ParticipantStore } from './participant-store';
import type { PreviewStore } from '../previews/preview-store';
import type { SessionStore } from './session-store';
import type { VisitorStore } from './visitor-store';

export type StoreEngine = 'sqlite' | 'postgres';

/**
 * Everything the domain may ask of the database: reads, and units of work that each run as one transaction.
 * One implementation over kysely serves both engines. Storage failures come out as StorageUnavailableError.
 */
export interface Store {
  readonly engine: StoreEngine;
  readonly visitors: VisitorStore;
  readonly sessions: SessionStore;
  readonly messages: MessageStore;
  readonly nonces: NonceStore;
  readonly agents: AgentStore;
  readonly previews: PreviewStore;
  readonly links: LinkStore;
  readonly apiKeys: ApiKeyStore;
  readonly deepLinks: DeepLinkStore;
  readonly participants: ParticipantStore;
  readonly invitations: InvitationStore;
  close(): Promise<void>;
}

