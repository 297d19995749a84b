import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { contiguousSeq, mergeMessages, newestSeq } from '../../../src/chat/transcript';
import { textMessage } from './support/wire-samples';

const seqs = (messages: { seq: number }[]) => messages.map((message) => message.seq);
const many = (...list: number[]) => list.map((seq) => textMessage(seq));

describe('mergeMessages', () => {
  it('merges two pages into one list ordered by seq', () => {
    expect(seqs(mergeMessages(many(4, 5, 6), many(1, 2, 3)))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps each seq once, the incoming copy replacing the older one', () => {
    const edited = textMessage(2, { text: 'newer copy' });
    const merged = mergeMessages(many(1, 2, 3), [edited, textMessage(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
    expect(merged[1]).toEqual(edited);
  });

  it('orders unordered input, and leaves both inputs untouched', () => {
    const current = Object.freeze(many(5, 1));
    const incoming = Object.freeze(many(3, 2, 3));
    expect(seqs(mergeMessages(current, incoming))).toEqual([1, 2, 3, 5]);
    expect(seqs([...current])).toEqual([5, 1]);
  });

  it('returns the same messages when nothing comes in', () => {
    expect(mergeMessages(many(1, 2), [])).toEqual(many(1, 2));
    expect(mergeMessages([], [])).toEqual([]);
  });

  it('joins an earlier or a later page on without sorting what is held (paging back through 10,000 messages)', () => {
    const held = Array.from({ length: 10_000 }, (_, index) => textMessage(index + 51));
    const sort = vi.spyOn(Array.prototype, 'sort');
    try {
      const earlier = mergeMessages(held, Array.from({ length: 50 }, (_, index) => textMessage(index + 1)));
      const later = mergeMessages(earlier, [textMessage(10_051)]);
      expect(sort).not.toHaveBeenCalled();
      expect(seqs(later)).toEqual(Array.from({ length: 10_051 }, (_, index) => index + 1));
      expect(later[50]).toBe(held[0]);
    } finally {
      sort.mockRestore();
    }
  });

  it('gives a strictly ascending list of the union, the latest copy of each seq winning (property)', () => {
    const list = fc.array(fc.record({ seq: fc.integer({ min: 1, max: 40 }), text: fc.string({ maxLength: 3 }) }), { maxLength: 30 });
    // The current transcript is always a merge result: ordered, each seq once. What comes in can be anything.
    const transcript = fc.uniqueArray(fc.integer({ min: 1, max: 40 })).map((list) => list.sort((x, y) => x - y));
    fc.assert(
      fc.property(transcript, list, (a, b) => {
        const current = a.map((seq) => textMessage(seq));
        const incoming = b.map(({ seq, text }) => textMessage(seq, { text }));
        const merged = mergeMessages(current, incoming);
        const expected = new Map([...current, ...incoming].map((message) => [message.seq, message]));
        expect(seqs(merged)).toEqual([...expected.keys()].sort((x, y) => x - y));
        for (const message of merged) expect(message).toBe(expected.get(message.seq));
      }),
    );
  });
});

describe('contiguousSeq', () => {
  it.each([
    [[], 1, 0],
    [[1, 2, 3], 1, 3],
    [[1, 2, 4, 5], 1, 2],
    [[2, 3], 1, 0],
    [[1, 1, 2], 1, 2],
    [[5, 6, 8], 5, 6],
    [[], 5, 4],
    [[6, 7], 5, 4],
    [[3, 4, 5], 3, 5],
  ])('of %j from %i is %i', (list, firstSeq, expected) => {
    expect(contiguousSeq(many(...list), firstSeq)).toBe(expected);
  });

  it('counts from 1 by default', () => {
    expect(contiguousSeq(many(1, 2, 3, 7))).toBe(3);
  });

  it('steps over seqs known to be unreadable, between, before and after the messages held', () => {
    expect(contiguousSeq(many(1, 2, 4, 5), 1, new Set([3]))).toBe(5);
    expect(contiguousSeq(many(2, 3), 1, new Set([1]))).toBe(3);
    expect(contiguousSeq(many(1, 2), 1, new Set([3, 4, 6]))).toBe(4);
    expect(contiguousSeq([], 1, new Set([1, 2]))).toBe(2);
    expect(contiguousSeq(many(1, 4), 1, new Set([3]))).toBe(1);
  });

  it('is the end of the gap-free run from firstSeq, for any ordered transcript (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 30 })), fc.integer({ min: 1, max: 10 }), (list, firstSeq) => {
        const sorted = [...list].sort((a, b) => a - b).filter((seq) => seq >= firstSeq);
        let expected = firstSeq - 1;
        while (sorted.includes(expected + 1)) expected++;
        expect(contiguousSeq(many(...sorted), firstSeq)).toBe(expected);
      }),
    );
  });
});

describe('newestSeq', () => {
  it('is 0 for an empty transcript and the last seq otherwise', () => {
    expect(newestSeq([])).toBe(0);
    expect(newestSeq(many(1, 2, 9))).toBe(9);
  });
});
