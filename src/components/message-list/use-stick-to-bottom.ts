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
  /** Set while a frame is asked for: the distance from the bottom to keep (a page joined above), else null. */
  const nextFrame = useRef<{ fromBottom: number | null } | null>(null);
  const [unseen, setUnseen] = useState(0);

  const jumpToBottom = () => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastTop.current = element.scrollTop;
  };

  useLayoutEffect(() => {
    const previous = before.current;
    before.current = { liveCount, pendingCount, historyCount };
    if (pendingCount > previous.pendingCount) stick.current = true;
    const fromBottom = historyCount !== previous.historyCount ? fromBottomWhileLoading.current : null;
    if (fromBottom === null && !stick.current) {
      if (liveCount > previous.liveCount) setUnseen((count) => count + liveCount - previous.liveCount);
    } else if (nextFrame.current) nextFrame.current.fromBottom ??= fromBottom;
    else {
      const work = (nextFrame.current = { fromBottom });
      requestAnimationFrame(() => {
        nextFrame.current = null;
        const element = scroller.current;
        if (element && work.fromBottom !== null) {
          // Browsers without scroll anchoring (Safari) would jump to the top of the page just loaded. (The scroll
          // event this causes moves down, so it never counts as the visitor scrolling up.)
          element.scrollTop = element.scrollHeight - work.fromBottom;
        } else if (stick.current) jumpToBottom();
      });
    }
    if (fromBottom !== null) fromBottomWhileLoading.current = null;
  });

  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (stick.current) jumpToBottom();
    });
    if (scroller.current) observer.observe(scroller.current);
    if (content.current) observer.observe(content.current);
    return () => observer.disconnect();
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
