import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_PATHS, splitMessages, type Messages } from '../../../src/i18n/locale-parts';

const codes = readdirSync('locales').filter((code) => readdirSync(`locales/${code}`).includes('chat.json'));
const messagesOf = (code: string): Messages => JSON.parse(readFileSync(`locales/${code}/chat.json`, 'utf8'));

/** Every leaf as `path=value`, so two trees can be compared as sets. */
function leaves(tree: Messages, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}=${value}`] : leaves(value, `${prefix}${key}.`),
  );
}

describe('a language in two parts', () => {
  it.each(codes)('%s: the first-screen part and the rest are disjoint and together the whole file', (code) => {
    const messages = messagesOf(code);
    const { firstScreen, rest } = splitMessages(messages, FIRST_SCREEN_PATHS);
    const [first, others] = [leaves(firstScreen), leaves(rest)];
    expect(first.filter((leaf) => others.includes(leaf))).toEqual([]);
    expect([...first, ...others].sort()).toEqual(leaves(messages).sort());
    expect(first.some((leaf) => leaf.startsWith('composer.label='))).toBe(true);
    expect(others.some((leaf) => leaf.startsWith('connection.offline='))).toBe(true);
  });

  it('refuses a path the messages do not have, rather than ship a first screen without it', () => {
    expect(() => splitMessages({ page: { loading: 'x' } }, ['page.title'])).toThrow('no messages at page.title');
  });
});
