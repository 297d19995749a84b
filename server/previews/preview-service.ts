import { createHash } from 'node:crypto';
import type { AuthorRole, LinkPreview } from '../../src/api/wire';
import { FetchRefusal } from './fetch-refusal';
import type { PagePreview } from './page-preview';
import { previewCacheKey, previewExpiresAt } from './preview-cache-policy';
import { previewUrlFor, type PreviewSettings } from './preview-policy';
import type { PreviewImage } from './preview-image';
import type { PreviewStore, StoredImage } from './preview-store';
import type { UnfurledLink } from './unfurl-link';

/** The message a preview belongs to. */
export interface PreviewTarget {
  appId: string;
  sessionId: string;
  messageId: string;
  seq: number;
}

export interface PreviewServiceOptions {
  store: PreviewStore;
  /** unfurlLink with the server's fetch settings. */
  unfurl(url: string): Promise<UnfurledLink>;
  /** Stores the preview on its message (or removes it) and tells the message's listeners. */
  attach(target: PreviewTarget, preview: LinkPreview | undefined): Promise<void>;
  now(): number;
  log(message: string, detail: Record<string, unknown>): void;
  /** Pages fetched at once, per process; more wait their turn. */
  maxConcurrent?: number;
  /** Previews waiting at most; past that new ones are skipped (a preview is a nicety, never a backlog). */
  maxWaiting?: number;
}

/**
 * Link previews for stored messages: chooses the link by the app's policy, answers from the cache (hits a day,
 * failures an hour), otherwise fetches in the background under the SSRF rules, keeps the re-encoded image, and
 * attaches the preview to the message. One fetch per page at a time, whoever asks.
 */
export class PreviewService {
  private readonly inFlight = new Map<string, Promise<LinkPreview | undefined>>();
  private readonly background = new Set<Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(private readonly options: PreviewServiceOptions) {}

  /** Starts the preview of a just-stored message, if it has a link the settings allow; never throws. */
  onMessageStored(target: PreviewTarget, author: AuthorRole, text: string | undefined, settings: PreviewSettings): void {
    const url = text === undefined ? undefined : previewUrlFor(text, author, settings);
    if (!url) return;
    if (this.waiting.length >= (this.options.maxWaiting ?? 100)) {
      this.options.log('link preview skipped: too many waiting', { messageId: target.messageId });
      return;
    }
    const work = this.previewFor(url)
      .then((preview) => (preview ? this.options.attach(target, preview) : undefined))
      .catch((error: unknown) => this.options.log('link preview failed', { messageId: target.messageId, error: String(error) }))
      .finally(() => this.background.delete(work));
    this.background.add(work);
  }

  /** The preview of a page, from the cache or fetched now; undefined when the page gives none. */
  previewFor(url: string): Promise<LinkPreview | undefined> {
    const key = previewCacheKey(url);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.lookUp(key, url).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  findImage(id: string): Promise<StoredImage | undefined> {
    return this.options.store.findImage(id);
  }

  /** Resolves when every background preview started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  private async lookUp(key: string, url: string): Promise<LinkPreview | undefined> {
    const { store, now } = this.options;
    const cached = await store.findCached(key, now());
    if (cached) return cached.preview;
    let preview: LinkPreview | undefined;
    try {
      const unfurled = await this.take(() => this.options.unfurl(url));
      const image = unfurled.image && (await this.keepImage(unfurled.image));
      preview = toWirePreview(unfurled.preview, image);
      await store.saveCached({ key, preview, expiresAt: previewExpiresAt('hit', now()) });
    } catch (error) {
      const reason = error instanceof FetchRefusal ? error.reason : 'network';
      if (!(error instanceof FetchRefusal)) this.options.log('link preview error', { url: key, error: String(error) });
      await store.saveCached({ key, failure: reason, expiresAt: previewExpiresAt('failure', now()) });
    }
    return preview;
  }

  private async keepImage(image: PreviewImage): Promise<StoredImage> {
    const id = createHash('sha256').update(image.body).digest('base64url');
    const stored: StoredImage = { id, body: image.body, width: image.width, height: image.height };
    await this.options.store.saveImage(stored);
    return stored;
  }

  /** Runs `task` within the concurrency limit; a finishing task hands its slot straight to the next in line. */
  private async take<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < (this.options.maxConcurrent ?? 4)) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** The wire form: the remote image URL stays on the server; the page gets our image's id and size. */
export function toWirePreview(page: PagePreview, image: StoredImage | undefined): LinkPreview {
  const { imageUrl: _remote, ...text } = page;
  return image ? { ...text, image: { id: image.id, width: image.width, height: image.height } } : text;
}
