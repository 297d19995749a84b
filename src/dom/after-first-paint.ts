/** A paint the browser does not report (a page opened in a hidden tab) holds nothing back longer than this. */
const PAINT_WAIT_LIMIT_MS = 3000;

let firstPaint: Promise<void> | undefined;

/**
 * Resolves once the first contentful paint is on screen (reported now or earlier), for work the first screen does not
 * need. An effect alone does not promise that: Preact runs effects after the next animation frame or after 35 ms,
 * whichever comes first, so on a busy CPU they run (and fetch) before anything is painted. Where paints are not
 * reported, it resolves at once; a hidden page (no paint) waits for the limit below.
 */
export function afterFirstPaint(): Promise<void> {
  return (firstPaint ??= new Promise<void>((resolve) => {
    if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) return resolve();
    // Paint entries end with the first contentful one: the observer has nothing more to see, so it is left be.
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(resolve, PAINT_WAIT_LIMIT_MS);
  }));
}
