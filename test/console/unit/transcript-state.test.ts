import { describe, expect, it } from 'vitest';
import { mergeMessages, newestSeq, oldestSeq, splitAtBaseline } from '../../../server/console/state/transcript';
import { message } from '../support/fixtures';

describe('transcript state', () => {
  it('orders by seq and keeps one copy of each message', () => {
    const merged = mergeMessages([message(3), message(1)], [message(2), message(3, { text: 'newer copy' })]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[2].text).toBe('newer copy');
    expect(newestSeq(merged)).toBe(3);
    expect(oldestSeq(merged)).toBe(1);
    expect(newestSeq([])).toBe(0);
  });

  it('splits history from what arrived after opening', () => {
    const { history, fresh } = splitAtBaseline({
      messages: [message(1), message(2), message(3)],
      baselineSeq: 2,
      hasEarlier: false,
    });
    expect(history.map((m) => m.seq)).toEqual([1, 2]);
    expect(fresh.map((m) => m.seq)).toEqual([3]);
  });
});
