import type { Store } from '../store/store';
import { PreviewService } from './preview-service';
import { unfurlLink } from './unfurl-link';
import { parseUnfurlAllow } from './unfurl-allow';

/**
 * The preview service of this server: the store's preview tables, the fetch settings (DIRECT_CHAT_UNFURL_ALLOW),
 * and the message update that the bus carries to every instance's streams.
 */
export function createServerPreviews(store: Store, unfurlAllow: string | undefined): PreviewService {
  const allow = parseUnfurlAllow(unfurlAllow);
  return new PreviewService({
    store: store.previews,
    unfurl: (url) => unfurlLink(url, { allow }),
    attach: async (target, preview) => void (await store.messages.setPreview(target.appId, target.sessionId, target.messageId, preview)),
    now: Date.now,
    log: (message, detail) => console.warn(`direct-chat: ${message}`, detail),
  });
}
