import type { LocaleCode } from '../api/wire';
import { normalizeLocale } from '../i18n/normalize-locale';

// The loader carries no translation files: only the one string it shows, the same as each locale's header.close
// (a unit test keeps the two equal).
export const CLOSE_LABELS: Record<LocaleCode, string> = {
  en: 'Close chat',
  'zh-cn': '关闭聊天',
  'zh-tw': '關閉聊天',
  ja: 'チャットを閉じる',
  ko: '채팅 닫기',
  de: 'Chat schließen',
  fr: 'Fermer le chat',
  pt: 'Fechar o chat',
  ru: 'Закрыть чат',
};

/** The launcher's label while the chat is open, in the chat's language (data-lang) or else the browser's. */
export function closeLabel(lang: string | undefined, browser: readonly string[]): string {
  for (const candidate of [lang, ...browser]) {
    const locale = candidate ? normalizeLocale(candidate) : undefined;
    if (locale) return CLOSE_LABELS[locale];
  }
  return CLOSE_LABELS.en;
}
