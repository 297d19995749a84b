import type { Message } from '../../api/wire';

/** Messages per history page: a page is rendered (and skipped by the browser while off screen) as one block. */
export const HISTORY_PAGE_SIZE = 50;

/** Which page a message belongs to: fixed by its seq, so a page keeps its identity (and its element) as it fills up. */
export const historyPageOf = (seq: number) => Math.floor((seq - 1) / HISTORY_PAGE_SIZE);

/** Splits earlier messages into pages by seq, so loading more leaves every page already drawn as it was. */
export function historyPages(messages: readonly Message[]): Message[][] {
  const pages: Message[][] = [];
  let current: Message[] = [];
  let pageIndex = -1;
  for (const message of messages) {
    const index = historyPageOf(message.seq);
    if (index !== pageIndex && current.length > 0) {
      pages.push(current);
      current = [];
    }
    pageIndex = index;
    current.push(message);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}
