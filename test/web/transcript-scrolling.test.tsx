// The message list with a long history: loading earlier pages as the visitor scrolls up (the button stays for the
// keyboard), keeping the reading place, and never announcing history through the polite live log.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../src/api/wire';
import { MessageList } from '../../src/components/message-list';
import { I18nContext } from '../../src/i18n/use-t';
import { createI18n, switchLanguage } from '../../src/i18n/setup-i18n';
import { createSafeStorage } from '../../src/storage/safe-storage';

let translator: i18n;
beforeAll(async () => {
  translator = await createI18n('en', createSafeStorage(() => null));
  await switchLanguage(translator, 'en');
});

const message = (seq: number): Message => ({
  id: `m${seq}`,
  seq,
  author: seq % 2 ? { role: 'agent', name: 'Sam Carter' } : { role: 'visitor' },
  createdAt: new Date(Date.UTC(2026, 10, 28, 9, 0, seq)).toISOString(),
  kind: 'text',
  text: `message number ${seq}`,
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => message(from + index));

interface ListState {
  messages: Message[];
  hasEarlier?: boolean;
  loadingEarlier?: boolean;
}

function renderList(initial: ListState, logStartSeq: number) {
  const onLoadEarlier = vi.fn();
  const list = (state: ListState) => (
    <I18nContext.Provider value={translator}>
      <MessageList
        conversationKey="s_1"
        welcome={null}
        team={[]}
        messages={state.messages}
        logStartSeq={logStartSeq}
        pending={[]}
        hasEarlier={state.hasEarlier ?? true}
        loadingEarlier={state.loadingEarlier ?? false}
        onLoadEarlier={onLoadEarlier}
        onRetry={() => undefined}
        onDiscard={() => undefined}
      />
    </I18nContext.Provider>
  );
  const view = render(list(initial));
  return { ...view, onLoadEarlier, update: (state: ListState) => view.rerender(list(state)) };
}

/** jsdom lays nothing out: give the scroller the geometry a browser would, and let the test scroll it. */
function fakeGeometry(scroller: HTMLElement, geometry: { scrollHeight: number; clientHeight: number; scrollTop: number }) {
  Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: () => geometry.scrollHeight });
  Object.defineProperty(scroller, 'clientHeight', { configurable: true, get: () => geometry.clientHeight });
  Object.defineProperty(scroller, 'scrollTop', {
    configurable: true,
    get: () => geometry.scrollTop,
    set: (value: number) => (geometry.scrollTop = Math.max(0, Math.min(value, geometry.scrollHeight - geometry.clientHeight))),
  });
  return (scrollTop: number) => {
    geometry.scrollTop = scrollTop;
    fireEvent.scroll(scroller);
  };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('a long transcript', () => {
  it('loads the next page by itself when the visitor scrolls up near the top, once, and not when scrolling down', async () => {
    const { onLoadEarlier, update } = renderList({ messages: range(101, 150) }, 101);
    await screen.findByText('message number 150');
    const scroller = screen.getByRole('region', { name: 'Conversation' });
    const scrollTo = fakeGeometry(scroller, { scrollHeight: 6000, clientHeight: 700, scrollTop: 5300 });

    scrollTo(5300);
    scrollTo(2000); // up, but far from the top
    expect(onLoadEarlier).not.toHaveBeenCalled();
    scrollTo(300); // up, within reach of the top
    expect(onLoadEarlier).toHaveBeenCalledTimes(1);

    update({ messages: range(101, 150), loadingEarlier: true });
    scrollTo(100); // still loading: no second request
    expect(onLoadEarlier).toHaveBeenCalledTimes(1);

    update({ messages: range(101, 150) });
    scrollTo(0);
    scrollTo(200); // down near the top: the visitor is reading on, not asking for more
    expect(onLoadEarlier).toHaveBeenCalledTimes(2);
  });

  it('keeps the "Show earlier messages" button for keyboard and screen-reader users', async () => {
    const { onLoadEarlier, update } = renderList({ messages: range(101, 150) }, 101);
    await screen.findByText('message number 150');
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier messages' }));
    expect(onLoadEarlier).toHaveBeenCalledTimes(1);
    update({ messages: range(1, 150), hasEarlier: false });
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).toBeNull();
  });

  it('keeps the reading place when a page joins above it (where the browser does not anchor scrolling)', async () => {
    const { update } = renderList({ messages: range(101, 150) }, 101);
    await screen.findByText('message number 150');
    const scroller = screen.getByRole('region', { name: 'Conversation' });
    const geometry = { scrollHeight: 6000, clientHeight: 700, scrollTop: 5300 };
    const scrollTo = fakeGeometry(scroller, geometry);
    scrollTo(5300);
    scrollTo(1000);
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier messages' }));

    geometry.scrollHeight = 9000; // the page drawn above adds 3,000 px
    update({ messages: range(51, 150) });
    await nextFrame();
    expect(geometry.scrollTop).toBe(4000);
  });

  it('never announces history: pages joining above leave the live log untouched', async () => {
    const { update } = renderList({ messages: range(76, 150) }, 126);
    await screen.findByText('message number 150');
    const log = screen.getByRole('log');
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(within(log).getByText('message number 126')).toBeInTheDocument();
    expect(within(log).queryByText('message number 125')).toBeNull();
    const liveBubble = within(log).getByText('message number 150').closest('li');
    const additionsToLog: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => additionsToLog.push(...record.addedNodes)));
    observer.observe(log, { childList: true, subtree: true, characterData: true });

    update({ messages: range(1, 150) });
    await screen.findByText('message number 1');
    observer.disconnect();
    expect(within(log).queryByText('message number 1')).toBeNull();
    expect(additionsToLog).toEqual([]);
    expect(screen.getByRole('log')).toBe(log);
    expect(within(log).getByText('message number 150').closest('li')).toBe(liveBubble);
  });

  it('completes a partly loaded page in place instead of building it again', async () => {
    // Seq 76-100 are the second half of page 51-100: the next page of history fills its first half.
    const { update } = renderList({ messages: range(76, 150) }, 101);
    await screen.findByText('message number 76');
    const partPage = screen.getByText('message number 76').closest('ol');
    const bubble = screen.getByText('message number 90').closest('li');

    update({ messages: range(26, 150) });
    await screen.findByText('message number 26');
    expect(screen.getByText('message number 51').closest('ol')).toBe(partPage);
    expect(screen.getByText('message number 90').closest('li')).toBe(bubble);
    expect(screen.getByText('message number 50').closest('ol')).not.toBe(partPage);
  });
});

describe('the message list', () => {
  it('follows new messages at the bottom in the frame after they render', async () => {
    const { update } = renderList({ messages: range(101, 150), hasEarlier: false }, 101);
    await screen.findByText('message number 150');
    const scroller = screen.getByRole('region', { name: 'Conversation' });
    const geometry = { scrollHeight: 6000, clientHeight: 700, scrollTop: 5300 };
    fakeGeometry(scroller, geometry);
    geometry.scrollHeight = 6100;
    update({ messages: range(101, 151), hasEarlier: false });
    await waitFor(() => expect(geometry.scrollTop).toBe(5400));
  });
});
