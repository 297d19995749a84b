import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/api/wire';
import { truthfulIdentityNotice } from '../../../src/chat/identity-notice';
import { initials } from '../../../src/components/avatar/initials';
import { historyPages } from '../../../src/components/message-list/history-pages';
import { requestedLocale } from '../../../src/dom/show-boot-error';
import { CLOSE_LABELS, closeLabel } from '../../../src/embed/close-labels';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locales';

const message = (seq: number) => ({ id: `m${seq}`, seq }) as Message;

describe('history pages', () => {
  it('cut by seq, so a page already drawn keeps its messages when an earlier one loads', () => {
    const first = historyPages([21, 22, 50, 51, 99, 100, 101].map(message)).map((page) => page.map((m) => m.seq));
    expect(first).toEqual([[21, 22, 50], [51, 99, 100], [101]]);
    const more = historyPages([1, 2, 21, 22, 50, 51, 99, 100, 101].map(message)).map((page) => page.map((m) => m.seq));
    expect(more.slice(1)).toEqual(first.slice(1));
  });
});

describe('the identity notice', () => {
  it('is dropped when the visitor goes on signed in (their own link reopened), kept for a guest', () => {
    expect(truthfulIdentityNotice({ id: 'v', verified: true }, 'replayed')).toBeUndefined();
    expect(truthfulIdentityNotice({ id: 'v', verified: false }, 'replayed')).toBe('replayed');
    expect(truthfulIdentityNotice(undefined, 'malformed')).toBe('malformed');
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words, whatever the script', () => {
    expect(initials('Sam Carter')).toBe('SC');
    expect(initials('ana maria souza')).toBe('AS');
    expect(initials('李娜')).toBe('李');
    expect(initials('  ')).toBe('?');
    expect(initials('👩‍💻 Dev')).toMatch(/^.+D$/u);
  });
});

describe("the static fallback's language", () => {
  it('follows ?lang, then the stored choice, then the browser, then English', () => {
    expect(requestedLocale('RU', 'de', ['fr'])).toBe('ru');
    expect(requestedLocale('xx', 'de', ['fr'])).toBe('de');
    expect(requestedLocale(null, null, ['es', 'pt-BR'])).toBe('pt');
    expect(requestedLocale(null, null, [])).toBe('en');
  });

  it('has a paragraph in index.html for each of the nine languages', () => {
    const html = readFileSync('index.html', 'utf8');
    for (const locale of ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'de', 'fr', 'pt', 'ru']) expect(html).toContain(`<p lang="${locale}" hidden>`);
  });
});

describe("the embed launcher's close label", () => {
  it('is each locale\'s own "close" string', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const messages = JSON.parse(readFileSync(`locales/${locale}/chat.json`, 'utf8'));
      expect(CLOSE_LABELS[locale]).toBe(messages.header.close);
    }
  });

  it('speaks data-lang, else the browser language, else English', () => {
    expect(closeLabel('de', ['fr'])).toBe('Chat schließen');
    expect(closeLabel(undefined, ['es', 'zh-HK'])).toBe('關閉聊天');
    expect(closeLabel(undefined, [])).toBe('Close chat');
  });
});
