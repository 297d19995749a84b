/**
 * Each language's messages come in two parts: what the first screen can show (the chat's header, opening and message
 * box, and the screens for a failed download), fetched before the first render, and the rest, fetched after the first
 * paint with the code that shows it. One file per language still holds every message (locales/<code>/chat.json);
 * the build splits it along these paths.
 */
export const FIRST_SCREEN_PATHS = ['page', 'header.logoAlt', 'header.close', 'header.menu', 'welcome', 'composer', 'log.label', 'errors.network', 'errors.server', 'errors.tryAgain'];

export type LocalePart = 'firstScreen' | 'rest';
export type Messages = { [key: string]: string | Messages };

/** The messages at `paths` and all the others, as two trees that together are the whole. */
export function splitMessages(messages: Messages, paths: readonly string[]): Record<LocalePart, Messages> {
  const rest: Messages = structuredClone(messages);
  const firstScreen: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let from: Messages | undefined = rest;
    let to = firstScreen;
    for (const key of keys) {
      const next: string | Messages | undefined = from?.[key];
      from = typeof next === 'object' ? next : undefined;
      to = (to[key] ??= {}) as Messages;
    }
    if (!from || !(last in from)) throw new Error(`no messages at ${path}`);
    to[last] = from[last];
    delete from[last];
  }
  return { firstScreen, rest };
}
