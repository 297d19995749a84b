import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Counts {
  /** Delivered messages of this visit. */
  liveCount: number;
  /** Messages the visitor is sending right now. */
  pendingCount: number;
  /** Messages loaded from history. */
  historyCount: number;
}

/** Within this distance of the bottom, the list counts as "at the newest message" and follows new ones. */
const NEAR_BOTTOM_PX = 120;

/**
 * Keeps the newest message in view while the visitor is at the bottom: after every render, when the content grows
 * later (an image, a font), and when the list itself shrinks (the on-screen keyboard opening). Only the visitor
 * scrolling up lets go; new messages then count up for a "new messages" pill instead of moving the view.
 *
 * Scroll positions are read and written in the next animation frame, never in the render's own task: reading
 * `scrollHeight` there forced a synchronous style and layout pass over the whole transcript inside the task that had
 * just rendered a page of history, which made it a long task at 10,000 messages. In the frame, that layout is the one
 * the browser does anyway before it paints, so the view still never shows the wrong place.
 */
export function useStickToBottom({ liveCount, pendingCount, historyCount }: Counts) {
  const scroller = useRef<HTMLElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const lastTop = useRef(0);
  const before = useRef({ liveCount, pendingCount, historyCount });
  const fromBottomWhileLoading = useRef<number | null>(null);
  /** What the next frame must do to the scroll position, if anything. */
  const settle = useRef<{ restoreFromBottom?: number; frame?: number }>({});
  const [unseen, setUnseen] = useState(0);

  const jumpToBottom = () => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
  };

  const settleInNextFrame = (restoreFromBottom?: number) => {
    if (restoreFromBottom !== undefined) settle.current.restoreFromBottom = restoreFromBottom;
    settle.current.frame ??= requestAnimationFrame(() => {
      const { restoreFromBottom: fromBottom } = settle.current;
      settle.current = {};
      const element = scroller.current;
      if (!element) return;
      if (fromBottom !== undefined) {
        // Browsers without scroll anchoring (Safari) would jump to the top of the page just loaded.
        element.scrollTop = element.scrollHeight - fromBottom;
        lastTop.current = element.scrollTop;
      } else if (stick.current) jumpToBottom();
    });
  };

  useLayoutEffect(() => {
    const previous = before.current;
    before.current = { liveCount, pendingCount, historyCount };
    if (pendingCount > previous.pendingCount) stick.current = true;
    if (historyCount !== previous.historyCount && fromBottomWhileLoading.current !== null) {
      settleInNextFrame(fromBottomWhileLoading.current);
      fromBottomWhileLoading.current = null;
    } else if (stick.current) settleInNextFrame();
    else if (liveCount > previous.liveCount) setUnseen((count) => count + liveCount - previous.liveCount);
  });

  useEffect(() => {
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => stick.current && jumpToBottom());
    if (scroller.current) observer?.observe(scroller.current);
    if (content.current) observer?.observe(content.current);
    return () => {
      observer?.disconnect();
      if (settle.current.frame !== undefined) cancelAnimationFrame(settle.current.frame);
    };
  }, []);

  /** Call from the scroller's scroll event; says which way the visitor moved. */
  const onScroll = (): 'up' | 'down' => {
    const element = scroller.current!;
    const movedUp = element.scrollTop < lastTop.current - 1;
    lastTop.current = element.scrollTop;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    if (nearBottom) {
      stick.current = true;
      if (unseen > 0) setUnseen(0);
    } else if (movedUp) stick.current = false;
    return movedUp ? 'up' : 'down';
  };

  return {
    scroller,
    content,
    unseen,
    onScroll,
    toBottom: () => {
      stick.current = true;
      setUnseen(0);
      jumpToBottom();
      scroller.current?.focus();
    },
    keepPlaceWhileLoadingEarlier: () => {
      const element = scroller.current;
      stick.current = false;
      if (element) fromBottomWhileLoading.current = element.scrollHeight - element.scrollTop;
    },
  };
}
