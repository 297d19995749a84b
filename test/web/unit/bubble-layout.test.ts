import { describe, expect, it } from 'vitest';
import { bubbleLayout, type BubbleFacts } from '../../../src/chat/bubble-layout';
import { formatDay } from '../../../src/i18n/format-day';

const at = (time: string, role: BubbleFacts['role'] = 'agent', name = 'Sam'): BubbleFacts => ({ role, name, createdAt: time });

describe('bubbleLayout', () => {
  it('runs consecutive messages of one author together: name once at the start, time once at the end', () => {
    const [a, b, c] = [at('2026-11-20T10:00:00'), at('2026-11-20T10:01:00'), at('2026-11-20T10:02:00')];
    expect(bubbleLayout(undefined, a, b)).toEqual({ startsDay: true, startsRun: true, endsRun: false });
    expect(bubbleLayout(a, b, c)).toEqual({ startsDay: false, startsRun: false, endsRun: false });
    expect(bubbleLayout(b, c, undefined)).toEqual({ startsDay: false, startsRun: false, endsRun: true });
  });

  it('starts a new run for another author, another agent, a pause of over five minutes, or a system notice', () => {
    const first = at('2026-11-20T10:00:00');
    expect(bubbleLayout(first, at('2026-11-20T10:01:00', 'visitor', ''), undefined).startsRun).toBe(true);
    expect(bubbleLayout(first, at('2026-11-20T10:01:00', 'agent', 'Ana'), undefined).startsRun).toBe(true);
    expect(bubbleLayout(first, at('2026-11-20T10:06:00'), undefined).startsRun).toBe(true);
    const notice = at('2026-11-20T10:01:00', 'system', '');
    expect(bubbleLayout(notice, at('2026-11-20T10:01:30', 'system', ''), undefined).startsRun).toBe(true);
  });

  it('puts a date separator where the local day changes, and ends the run there', () => {
    const late = at('2026-11-20T23:58:00');
    const early = at('2026-11-21T00:01:00');
    expect(bubbleLayout(late, early, undefined)).toMatchObject({ startsDay: true, startsRun: true });
    expect(bubbleLayout(undefined, late, early).endsRun).toBe(true);
  });

  it('counts a message still being sent (no time yet) as now, joining the visitor\'s run', () => {
    const sent = { role: 'visitor' as const, createdAt: new Date(Date.now() - 60_000).toISOString() };
    expect(bubbleLayout(sent, { role: 'visitor' }, undefined)).toEqual({ startsDay: false, startsRun: false, endsRun: true });
  });
});

describe('formatDay', () => {
  const now = new Date('2026-11-20T15:00:00').getTime();
  it('says today and yesterday in every language, capitalised where the language does', () => {
    expect(formatDay('2026-11-20T08:00:00', 'en', now)).toBe('Today');
    expect(formatDay('2026-11-19T23:00:00', 'en', now)).toBe('Yesterday');
    expect(formatDay('2026-11-20T08:00:00', 'ru', now)).toBe('Сегодня');
    expect(formatDay('2026-11-19T08:00:00', 'de', now)).toBe('Gestern');
    expect(formatDay('2026-11-20T08:00:00', 'zh-cn', now)).toBe('今天');
    expect(formatDay('2026-11-19T08:00:00', 'ja', now)).toBe('昨日');
  });

  it('names the weekday within a week, then the date, with the year only for another year', () => {
    expect(formatDay('2026-11-17T08:00:00', 'en', now)).toBe('Tuesday');
    expect(formatDay('2026-10-02T08:00:00', 'en', now)).toBe('October 2');
    expect(formatDay('2026-10-02T08:00:00', 'fr', now)).toBe('2 octobre');
    expect(formatDay('2025-10-02T08:00:00', 'de', now)).toBe('2. Oktober 2025');
    expect(formatDay('nonsense', 'en', now)).toBe('');
  });
});
