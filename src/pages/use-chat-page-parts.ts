import { useEffect, useState } from 'preact/hooks';
import { afterFirstPaint } from '../dom/after-first-paint';

export type ChatPageParts = typeof import('./chat-page-parts');

let loaded: ChatPageParts | undefined;
let loading: Promise<ChatPageParts> | undefined;

/** Fetches the parts once the first paint is on screen (once; again after a failure). */
export function loadChatPageParts(): Promise<ChatPageParts> {
  loading ??= afterFirstPaint()
    .then(() => import('./chat-page-parts'))
    .then((parts) => (loaded = parts));
  // A failed download may be tried again (Try again renders the page anew).
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The page's later parts once they are here; `failed` when their download failed (the page offers a retry). */
export function useChatPageParts(): { parts?: ChatPageParts; failed: boolean } {
  const [parts, setParts] = useState(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!parts) loadChatPageParts().then((module) => setParts(() => module), () => setFailed(true));
  }, []);
  return { parts, failed };
}
