import type { Database } from 'better-sqlite3';
import type { LinkPreview } from '../../src/api/wire';
import { PreviewService, type PreviewTarget } from './preview-service';
import { createSqlitePreviewStore } from './sqlite-preview-store';
import { unfurlLink } from './unfurl-link';
import { parseUnfurlAllow } from './unfurl-allow';

/**
 * The preview service for this server: its SQLite store, the fetch settings (DIRECT_CHAT_UNFURL_ALLOW) and how a
 * preview reaches its message. The seam to the storage and HTTP layers: only this file and attachPreview know them.
 */
export function createServerPreviews(options: {
  db: Database;
  unfurlAllow: string | undefined;
  attach(target: PreviewTarget, preview: LinkPreview | undefined): Promise<void>;
}): PreviewService {
  const allow = parseUnfurlAllow(options.unfurlAllow);
  return new PreviewService({
    store: createSqlitePreviewStore(options.db),
    unfurl: (url) => unfurlLink(url, { allow }),
    attach: options.attach,
    now: Date.now,
    log: (message, detail) => console.warn(`direct-chat: ${message}`, detail),
  });
}
