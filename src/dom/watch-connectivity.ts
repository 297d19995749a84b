import type { ChatEngine } from '../chat/chat-engine';

/** Wires the browser's hints about connectivity and page life to the controller; returns the unwiring. */
export function watchConnectivity(controller: ChatEngine, win: Window = window): () => void {
  const onOnline = () => controller.reconnectNow();
  const onOffline = () => controller.wentOffline();
  const onVisibility = () => {
    if (win.document.visibilityState === 'visible') controller.checkStreamHealth();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    // Restored from the back-forward cache: every connection it had is dead.
    if (event.persisted) controller.reconnectNow();
  };
  win.addEventListener('online', onOnline);
  win.addEventListener('offline', onOffline);
  win.document.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pageshow', onPageShow);
  return () => {
    win.removeEventListener('online', onOnline);
    win.removeEventListener('offline', onOffline);
    win.document.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pageshow', onPageShow);
  };
}
