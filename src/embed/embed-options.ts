import { APP_ID_PATTERN } from '../api/limits';

export interface EmbedOptions {
  appId: string;
  /** Where the chat page lives: the origin embed.js was loaded from. */
  chatOrigin: string;
  lang?: string;
  /** Extra link parameters, e.g. a signed identity made on the host's server: "sbs=..&sbs_mm=..&ranstr=..". */
  query?: string;
  label: string;
  position: 'left' | 'right';
}

/** Reads the loader's <script data-*> attributes; null when they cannot make a chat (a missing or bad app id). */
export function readEmbedOptions(script: { src: string; dataset: DOMStringMap }): EmbedOptions | null {
  const appId = script.dataset.appId ?? '';
  if (!APP_ID_PATTERN.test(appId)) return null;
  let chatOrigin: string;
  try {
    chatOrigin = new URL(script.src).origin;
  } catch {
    return null;
  }
  return {
    appId,
    chatOrigin,
    ...(script.dataset.lang ? { lang: script.dataset.lang } : {}),
    ...(script.dataset.query ? { query: script.dataset.query.replace(/^\?/, '') } : {}),
    label: script.dataset.label || 'Chat',
    position: script.dataset.position === 'left' ? 'left' : 'right',
  };
}

/** The framed page's address: the same page as a direct link, marked as embedded. */
export function embeddedPageUrl(options: EmbedOptions): string {
  const params = new URLSearchParams(options.query ?? '');
  params.delete('embed');
  params.set('embed', '1');
  if (options.lang) params.set('lang', options.lang);
  return `${options.chatOrigin}/direct/${options.appId}?${params}`;
}
