import type { LocaleCode, Message } from '../api/wire';
import { formatTime } from '../i18n/format-time';
import { linkify, type TextSegment } from './linkify';

export interface MessageDisplay {
  time: string;
  segments: TextSegment[];
}

const cache = new WeakMap<Message, MessageDisplay & { locale: LocaleCode }>();

/**
 * A message's time and linkified text, worked out once per message and language: a long transcript does not pay
 * for them again on every change. Messages are immutable values, so the object itself is the key.
 */
export function messageDisplay(message: Message, locale: LocaleCode): MessageDisplay {
  let display = cache.get(message);
  if (!display || display.locale !== locale) {
    display = { locale, time: formatTime(message.createdAt, locale), segments: display?.segments ?? linkify(message.text ?? '') };
    cache.set(message, display);
  }
  return display;
}
