import { CLIENT_ID_PATTERN, MAX_MESSAGE_LENGTH, SESSION_ID_PATTERN } from '../api/limits';

export const FAIL_REASONS = ['session_closed', 'too_long', 'rejected'] as const;
export type FailReason = (typeof FAIL_REASONS)[number];

/** A message the visitor wrote that the server has not confirmed yet. */
export interface OutboxEntry {
  clientId: string;
  text: string;
  createdAt: string;
  /** The conversation it belongs to; absent until the first conversation is started for it. */
  sessionId?: string;
  status: 'sending' | 'failed';
  failReason?: FailReason;
}

export function addEntry(outbox: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  return [...outbox, entry];
}

export function removeEntry(outbox: readonly OutboxEntry[], clientId: string): OutboxEntry[] {
  return outbox.filter((entry) => entry.clientId !== clientId);
}

export function updateEntry(
  outbox: readonly OutboxEntry[],
  clientId: string,
  change: Partial<Omit<OutboxEntry, 'clientId'>>,
): OutboxEntry[] {
  return outbox.map((entry) => (entry.clientId === clientId ? { ...entry, ...change } : entry));
}

/** Entries not yet tied to a conversation join the one just started. */
export function assignSession(outbox: readonly OutboxEntry[], sessionId: string): OutboxEntry[] {
  return outbox.map((entry) => (entry.sessionId ? entry : { ...entry, sessionId }));
}

/** The next entry to send: the oldest still sending, so order is kept. */
export function nextToSend(outbox: readonly OutboxEntry[]): OutboxEntry | undefined {
  return outbox.find((entry) => entry.status === 'sending');
}

export function entriesFor(outbox: readonly OutboxEntry[], sessionId: string | undefined): OutboxEntry[] {
  return outbox.filter((entry) => entry.sessionId === sessionId || entry.sessionId === undefined);
}

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.clientId === 'string' &&
    CLIENT_ID_PATTERN.test(entry.clientId) &&
    typeof entry.text === 'string' &&
    entry.text.length <= MAX_MESSAGE_LENGTH &&
    typeof entry.createdAt === 'string' &&
    (entry.sessionId === undefined || (typeof entry.sessionId === 'string' && SESSION_ID_PATTERN.test(entry.sessionId))) &&
    (entry.status === 'sending' || entry.status === 'failed') &&
    (entry.failReason === undefined || FAIL_REASONS.includes(entry.failReason as FailReason))
  );
}

/** Whatever is stored (another version, a hand edit, garbage) comes back as valid entries only. */
export function parseOutbox(stored: string | null): OutboxEntry[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter(isEntry) : [];
  } catch {
    return [];
  }
}
