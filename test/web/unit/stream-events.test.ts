import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStreamEvent } from '../../../src/api/stream-events';
import { naughtyStrings } from '../../support/naughty-strings';
import { linkMessage, session, textMessage } from './support/wire-samples';

const raw = (event: string, data: unknown, id?: string) => ({ event, data: JSON.stringify(data), ...(id ? { id } : {}) });

describe('parseStreamEvent: the four events', () => {
  it('reads a message event, text or link', () => {
    expect(parseStreamEvent(raw('message', textMessage(4), '4'))).toEqual({ type: 'message', data: textMessage(4) });
    expect(parseStreamEvent(raw('message', linkMessage(5), '5'))).toEqual({ type: 'message', data: linkMessage(5) });
  });

  it('reads a session event', () => {
    expect(parseStreamEvent(raw('session', { ...session, status: 'closed' }))).toEqual({
      type: 'session',
      data: { ...session, status: 'closed' },
    });
  });

  it('reads a typing event as an agent typing, with a name only when it is a string', () => {
    expect(parseStreamEvent(raw('typing', { role: 'agent', name: 'Mia', typing: true }))).toEqual({
      type: 'typing',
      data: { role: 'agent', name: 'Mia', typing: true },
    });
    const withoutName = parseStreamEvent(raw('typing', { typing: false, name: 42 }));
    expect(withoutName).toEqual({ type: 'typing', data: { role: 'agent', typing: false } });
    expect(withoutName?.data).not.toHaveProperty('name');
  });

  it('keeps only the known fields of typing and ready events', () => {
    expect(parseStreamEvent(raw('typing', { typing: true, role: 'visitor', html: '<b>' }))).toEqual({
      type: 'typing',
      data: { role: 'agent', typing: true },
    });
    expect(parseStreamEvent(raw('ready', { lastSeq: 9, heartbeatMs: 15000, extra: 1 }))).toEqual({
      type: 'ready',
      data: { lastSeq: 9, heartbeatMs: 15000 },
    });
  });
});

describe('parseStreamEvent: anything else is skipped', () => {
  it.each([
    ['message', 'not json'],
    ['message', ''],
    ['message', 'null'],
    ['message', '[]'],
    ['message', '"text"'],
    ['message', '42'],
    ['message', '{}'],
    ['message', JSON.stringify({ ...textMessage(1), seq: 0 })],
    ['message', JSON.stringify([textMessage(1)])],
    ['session', JSON.stringify({ ...session, status: 'paused' })],
    ['session', 'null'],
    ['typing', '{}'],
    ['typing', '{"typing":"true"}'],
    ['typing', 'null'],
    ['typing', '[true]'],
    ['ready', '{"lastSeq":"1","heartbeatMs":1000}'],
    ['ready', '{"lastSeq":1}'],
    ['ready', 'null'],
    ['unknown', JSON.stringify(textMessage(1))],
    ['', JSON.stringify(textMessage(1))],
    ['Message', JSON.stringify(textMessage(1))],
    ['__proto__', JSON.stringify(textMessage(1))],
    ['constructor', '{}'],
    ['toString', '{}'],
  ])('skips event %j with data %j', (event, data) => {
    expect(parseStreamEvent({ event, data })).toBeNull();
  });

  // JSON can carry 1e999 (Infinity): as heartbeatMs it makes the watchdog timer fire at once, forever.
  it.each([
    '{"lastSeq":1e999,"heartbeatMs":15000}',
    '{"lastSeq":-1,"heartbeatMs":15000}',
    '{"lastSeq":1.5,"heartbeatMs":15000}',
    '{"lastSeq":1,"heartbeatMs":1e999}',
  ])('skips a ready event whose numbers are not counts: %s', (data) => {
    expect(parseStreamEvent({ event: 'ready', data })).toBeNull();
  });

  it('skips deeply nested data without throwing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseStreamEvent({ event: 'message', data: deep })).toBeNull();
  });

  it('does not let a "__proto__" key in the data pollute any prototype', () => {
    const data = JSON.stringify({ ...textMessage(1) }).replace(/^\{/, '{"__proto__":{"polluted":true},');
    parseStreamEvent({ event: 'message', data });
    parseStreamEvent({ event: 'typing', data: '{"__proto__":{"polluted":true},"typing":true}' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips every naughty string as data and as an unknown event name, without throwing', () => {
    const message = JSON.stringify(textMessage(1));
    for (const naughty of naughtyStrings) {
      for (const event of ['message', 'session', 'typing', 'ready']) expect(parseStreamEvent({ event, data: naughty })).toBeNull();
      expect(parseStreamEvent({ event: naughty, data: message })).toBeNull();
    }
  });

  it('never throws, and returns null or an event whose type is the event name (property)', () => {
    const name = fc.oneof(fc.constantFrom('message', 'session', 'typing', 'ready'), fc.string());
    const data = fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue().map((value) => JSON.stringify(value) ?? ''));
    fc.assert(
      fc.property(name, data, (event, text) => {
        const parsed = parseStreamEvent({ event, data: text });
        if (parsed !== null) expect(parsed.type).toBe(event);
      }),
      { numRuns: 500 },
    );
  });
});
