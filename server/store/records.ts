import type { InputVars, LocaleCode, SessionStatus } from '../../src/api/wire';

// What the store hands to the domain: plain records, never rows or handles.

export interface VisitorClaims {
  name?: string;
  nickname?: string;
  email?: string;
  phone?: string;
}

export interface VisitorRecord {
  id: string;
  appId: string;
  /** The verified customer id (sbs); null for a guest. */
  customerId: string | null;
  displayName: string | null;
  locale: LocaleCode;
  claims: VisitorClaims;
  vars: InputVars;
  createdAt: string;
  updatedAt: string;
}

export type VisitorChanges = Pick<VisitorRecord, 'customerId' | 'displayName' | 'locale' | 'claims' | 'vars' | 'updatedAt'>;

export interface SessionRecord {
  id: string;
  appId: string;
  visitorId: string;
  status: SessionStatus;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

/** Who asks: a visitor, and the verified customer it is bound to (null for a guest). */
export interface SessionOwner {
  visitorId: string;
  customerId: string | null;
}

export type SessionStatusFilter = SessionStatus | 'all';

/** Exclusive bounds on seq. */
export interface MessageWindow {
  after?: number;
  before?: number;
}
