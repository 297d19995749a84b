import { describe, expect, it } from 'vitest';
import {
  addEntry,
  assignSession,
  entriesFor,
  nextToSend,
  parseOutbox,
  removeEntry,
  updateEntry,
  type OutboxEntry,
} from '../../../src/chat/outbox';
import { MAX_MESSAGE_LENGTH } from '../../../src/api/limits';

const entry = (n: number, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId: `client-000${n}`,
  text: `text ${n}`,
  createdAt: '2026-11-21T10:00:00.000Z',
  status: 'sending',
  ...overrides,
});
const ids = (list: OutboxEntry[]) => list.map((item) => item.clientId);

describe('outbox operations', () => {
  const outbox = Object.freeze([entry(1, { sessionId: 's1' }), entry(2, { status: 'failed', failReason: 'too_long' }), entry(3)]);

  it('adds at the end without touching the old list', () => {
    expect(ids(addEntry(outbox, entry(4)))).toEqual(['client-0001', 'client-0002', 'client-0003', 'client-0004']);
    expect(outbox).toHaveLength(3);
  });

  it('removes by client id, and only that one', () => {
    expect(ids(removeEntry(outbox, 'client-0002'))).toEqual(['client-0001', 'client-0003']);
    expect(ids(removeEntry(outbox, 'client-9999'))).toEqual(ids([...outbox]));
  });

  it('updates only the entry with that client id', () => {
    const updated = updateEntry(outbox, 'client-0003', { status: 'failed', failReason: 'rejected' });
    expect(updated[2]).toEqual({ ...entry(3), status: 'failed', failReason: 'rejected' });
    expect(updated[0]).toEqual(outbox[0]);
    expect(outbox[2].status).toBe('sending');
  });

  it('ties entries without a conversation to the new one, and leaves the others where they are', () => {
    const assigned = assignSession(outbox, 's2');
    expect(assigned.map((item) => item.sessionId)).toEqual(['s1', 's2', 's2']);
    expect(outbox[1].sessionId).toBeUndefined();
  });

  it('sends the oldest entry still sending, skipping failed ones', () => {
    expect(nextToSend([entry(1, { status: 'failed' }), entry(2), entry(3)])?.clientId).toBe('client-0002');
    expect(nextToSend([entry(1, { status: 'failed' })])).toBeUndefined();
    expect(nextToSend([])).toBeUndefined();
  });

  it('shows a conversation its own entries and those not tied to any conversation yet', () => {
    const list = [entry(1, { sessionId: 's1' }), entry(2, { sessionId: 's2' }), entry(3)];
    expect(ids(entriesFor(list, 's1'))).toEqual(['client-0001', 'client-0003']);
    expect(ids(entriesFor(list, undefined))).toEqual(['client-0003']);
  });
});

describe('parseOutbox', () => {
  it('reads back what was stored', () => {
    const stored = [entry(1, { sessionId: 's1' }), entry(2, { status: 'failed', failReason: 'session_closed' })];
    expect(parseOutbox(JSON.stringify(stored))).toEqual(stored);
  });

  it.each([null, '', 'garbage', '{', 'null', '{}', '"text"', '42', 'true', '{"0":{}}'])('reads %j as an empty outbox', (stored) => {
    expect(parseOutbox(stored)).toEqual([]);
  });

  it('accepts a text of exactly the maximum length', () => {
    expect(parseOutbox(JSON.stringify([entry(1, { text: 'x'.repeat(MAX_MESSAGE_LENGTH) })]))).toHaveLength(1);
  });

  it.each([
    ['a short client id', { clientId: 'short' }],
    ['a long client id', { clientId: 'c'.repeat(65) }],
    ['a client id with bad characters', { clientId: 'client 0001' }],
    ['a client id that tries a path', { clientId: '../../client' }],
    ['a numeric client id', { clientId: 12345678 }],
    ['a missing client id', { clientId: undefined }],
    ['a text over the limit', { text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) }],
    ['a text that is not a string', { text: ['x'] }],
    ['a missing date', { createdAt: undefined }],
    ['a date that is not a string', { createdAt: 1700000000 }],
    ['a session id with bad characters', { sessionId: '../s1' }],
    ['a null session id', { sessionId: null }],
    ['a numeric session id', { sessionId: 7 }],
    ['an unknown status', { status: 'sent' }],
    ['a missing status', { status: undefined }],
  ])('drops an entry with %s, keeping the valid ones', (_, change) => {
    const bad = { ...entry(2), ...change };
    const stored = JSON.stringify([entry(1), bad, entry(3)]);
    expect(ids(parseOutbox(stored))).toEqual(['client-0001', 'client-0003']);
  });

  it.each([null, 1, 'x', [], true])('drops a non-object entry %j', (bad) => {
    expect(ids(parseOutbox(JSON.stringify([entry(1), bad])))).toEqual(['client-0001']);
  });

  it('never returns a fail reason outside the known ones (the page turns it into a translation key)', () => {
    const stored = JSON.stringify([
      entry(1, { status: 'failed', failReason: 'bogus' as never }),
      entry(2, { status: 'failed', failReason: { toString: null } as never }),
      entry(3, { status: 'failed', failReason: 'too_long' }),
    ]);
    for (const item of parseOutbox(stored)) {
      expect([undefined, 'session_closed', 'too_long', 'rejected']).toContain(item.failReason);
    }
  });
});
