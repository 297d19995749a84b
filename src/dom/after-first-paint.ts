/** A paint the browser never reports (skipped, or the tab hidden meanwhile) holds nothing back longer than this. */
const PAINT_WAIT_LIMIT_MS = 3000;

let firstPaint: Promise<void> | undefined;

/**
 * Resolves once the first contentful paint is on screen, for work the first screen does not need. An effect alone
 * does not promise that: Preact runs effects after the next animation frame or after 35 ms, whichever comes first,
 * so on a busy CPU they run (and fetch) before anything is painted. Where paints are not reported, or the page is
 * hidden, it resolves at once.
 */
export function afterFirstPaint(): Promise<void> {
  return (firstPaint ??= new Promise<void>((resolve) => {
    const reported = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint');
    if (!reported || document.visibilityState === 'hidden' || performance.getEntriesByName('first-contentful-paint').length > 0) {
      resolve();
      return;
    }
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    const timer = setTimeout(done, PAINT_WAIT_LIMIT_MS);
    observer.observe({ type: 'paint', buffered: true });
  }));
}
