import { describe, expect, it } from 'vitest';
import {
  applySession,
  awaitsReply,
  filterSessions,
  mergeSummaries,
} from '../../../server/console/state/session-list';
import { message, summaryOf, visitorDetail } from '../support/fixtures';

const v = visitorDetail();
const s = (id: string, lastSeq: number, updatedAt: string, extra = {}) =>
  summaryOf(id, v, [], { lastSeq, updatedAt, ...extra });

describe('session list state', () => {
  it('merges by id, newest activity first', () => {
    const list = mergeSummaries([], [s('a', 1, '2025-01-01T10:00:00Z'), s('b', 1, '2025-01-01T11:00:00Z')]);
    expect(list.map((x) => x.id)).toEqual(['b', 'a']);
    const moved = mergeSummaries(list, [s('a', 2, '2025-01-01T12:00:00Z')]);
    expect(moved.map((x) => [x.id, x.lastSeq])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('does not let a late, older answer undo newer news', () => {
    const list = [s('a', 5, '2025-01-01T12:00:00Z', { status: 'closed' })];
    expect(mergeSummaries(list, [s('a', 4, '2025-01-01T11:00:00Z')])[0].lastSeq).toBe(5);
    expect(mergeSummaries(list, [s('a', 5, '2025-01-01T11:59:00Z')])[0].status).toBe('closed');
    expect(mergeSummaries(list, [s('a', 5, '2025-01-01T13:00:00Z', { status: 'open' })])[0].status).toBe('open');
  });

  it('folds a close answer in without losing the summary', () => {
    const list = [s('a', 3, '2025-01-01T12:00:00Z')];
    const [closed] = applySession(list, { id: 'a', status: 'closed', createdAt: list[0].createdAt, lastSeq: 3 });
    expect(closed.status).toBe('closed');
    expect(closed.visitor).toEqual(list[0].visitor);
  });

  it('filters by status but keeps the ones asked for', () => {
    const list = [s('a', 1, '2025-01-01T10:00:00Z'), s('b', 1, '2025-01-01T10:00:00Z', { status: 'closed' })];
    expect(filterSessions(list, 'open').map((x) => x.id)).toEqual(['a']);
    expect(filterSessions(list, 'closed').map((x) => x.id)).toEqual(['b']);
    expect(filterSessions(list, 'all')).toHaveLength(2);
    expect(filterSessions(list, 'open', [null, 'b'])).toHaveLength(2);
  });

  it('awaits a reply only when the visitor spoke last in an open conversation', () => {
    expect(awaitsReply(summaryOf('a', v, [message(1)]))).toBe(true);
    expect(awaitsReply(summaryOf('a', v, [message(1, { author: { role: 'agent' } })]))).toBe(false);
    expect(awaitsReply(summaryOf('a', v, [message(1)], { status: 'closed' }))).toBe(false);
    expect(awaitsReply(summaryOf('a', v, []))).toBe(false);
  });
});
