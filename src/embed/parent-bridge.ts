import { MESSAGE_SOURCE, type EmbedMessage } from './embed-messages';

/** True when this page runs inside the embed loader's frame. */
export function isEmbedded(win: Window = window): boolean {
  return win.parent !== win && new URLSearchParams(win.location.search).get('embed') === '1';
}

/**
 * Tells the host page's loader something. The messages carry no data, only a word, so when the parent's origin is
 * unknown (Firefox has no ancestorOrigins) sending to any origin leaks nothing.
 */
export function tellParent(type: EmbedMessage['type'], win: Window = window): void {
  const parentOrigin = win.location.ancestorOrigins?.[0] ?? '*';
  win.parent.postMessage({ source: MESSAGE_SOURCE, type } satisfies EmbedMessage, parentOrigin);
}
