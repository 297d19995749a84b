import { useEffect, useState } from 'preact/hooks';
import type { i18n } from 'i18next';
import { afterFirstPaint } from '../dom/after-first-paint';
import { completeLanguage } from '../i18n/setup-i18n';
import { useT } from '../i18n/use-t';

export type ChatPageParts = typeof import('./chat-page-parts');

let code: Promise<ChatPageParts> | undefined;

/**
 * Fetches the parts once the first paint is on screen, with the rest of the language's messages (which only they
 * show); a failed download may be tried again (Try again renders the page anew).
 */
export function loadChatPageParts(instance: i18n): Promise<ChatPageParts> {
  return afterFirstPaint().then(() => {
    code ??= import('./chat-page-parts');
    code.catch(() => (code = undefined));
    return Promise.all([code, completeLanguage(instance)]).then(([parts]) => parts);
  });
}

/** The page's later parts once they are here; `failed` when their download failed (the page offers a retry). */
export function useChatPageParts(): { parts?: ChatPageParts; failed: boolean } {
  const { i18n } = useT();
  const [parts, setParts] = useState<ChatPageParts>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadChatPageParts(i18n).then((module) => setParts(() => module), () => setFailed(true));
  }, []);
  return { parts, failed };
}
