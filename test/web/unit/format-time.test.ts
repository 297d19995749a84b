import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../src/i18n/format-time';
import { SUPPORTED_LOCALES, toBcp47 } from '../../../src/i18n/locales';

const AT = '2026-11-21T15:07:00.000Z';

describe('formatTime', () => {
  it.each(SUPPORTED_LOCALES)('writes hours and minutes the %s way', (locale) => {
    const expected = new Intl.DateTimeFormat(toBcp47(locale), { hour: 'numeric', minute: '2-digit' }).format(new Date(AT));
    expect(formatTime(AT, locale)).toBe(expected);
    expect(formatTime(AT, locale)).toMatch(/07/);
  });

  it('formats each Chinese variant in its own way (zh-TW writes 上午/下午, zh-CN a 24-hour clock)', () => {
    expect(formatTime(AT, 'zh-tw')).toMatch(/[上下]午/);
    expect(formatTime(AT, 'zh-cn')).not.toMatch(/[上下]午/);
  });

  it.each(['', 'garbage', 'NaN', '2026-13-45T99:99:99Z', 'Invalid Date'])('shows nothing for the unreadable timestamp %j', (iso) => {
    expect(formatTime(iso, 'en')).toBe('');
  });
});
