// The preview the visitor will see for the first link in the reply being composed, asked for once the agent pauses.
import { useEffect, useState } from 'preact/hooks';
import type { LinkPreview } from '../../../src/api/wire';
import { linkify } from '../../../src/chat/linkify';

export const COMPOSE_PREVIEW_DELAY_MS = 500;

export type PreviewLookup = (url: string, signal: AbortSignal) => Promise<LinkPreview | undefined>;

export function firstLink(text: string): string | undefined {
  for (const segment of linkify(text)) if (segment.kind === 'link') return segment.href;
  return undefined;
}

export function useComposePreview(text: string, lookup: PreviewLookup): LinkPreview | undefined {
  const url = firstLink(text);
  const [preview, setPreview] = useState<{ url: string; preview: LinkPreview } | undefined>(undefined);
  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      lookup(url, abort.signal)
        .then((found) => !abort.signal.aborted && setPreview(found ? { url, preview: found } : undefined))
        // Only a hint: a failed lookup shows no preview, the message is sent all the same.
        .catch(() => undefined);
    }, COMPOSE_PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [url, lookup]);
  return preview && preview.url === url ? preview.preview : undefined;
}
