// The host page's loader: <script src="https://chat.example.com/direct/embed.js" data-app-id="demo_app" async>.
// It adds a launcher button; the chat page itself loads in a frame only when first opened.
import { embeddedPageUrl, readEmbedOptions, type EmbedOptions } from './embed-options';
import { readEmbedMessage } from './embed-messages';
import { closeLabel } from './close-labels';

const PHONE = '(max-width: 480px)';
const CLOSE_ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z"/></svg>';

function setStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value);
}

export function mountEmbed(options: EmbedOptions, doc: Document = document) {
  const side = options.position;
  const launcher = doc.createElement('button');
  launcher.type = 'button';
  launcher.textContent = options.label;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'direct-chat-panel');
  setStyles(launcher, {
    position: 'fixed', bottom: '20px', [side]: '20px', 'z-index': '2147483000', 'min-height': '48px',
    padding: '0 20px', border: 'none', 'border-radius': '24px', background: '#1f5fbf', color: '#fff',
    font: '600 16px/1 system-ui, sans-serif', cursor: 'pointer', 'box-shadow': '0 4px 16px rgba(0,0,0,.25)',
  });

  const panel = doc.createElement('div');
  panel.id = 'direct-chat-panel';
  panel.hidden = true;
  const win = doc.defaultView;
  // Some embedded browsers have no matchMedia: they get the card.
  const phoneQuery = win?.matchMedia?.(PHONE);
  // A card above the launcher; on a phone-sized host, the whole screen (the chat's own header has a close button).
  const placePanel = () =>
    setStyles(
      panel,
      phoneQuery?.matches
        ? { position: 'fixed', inset: '0', [side]: '0', bottom: '0', 'z-index': '2147483001', width: '100vw', height: '100dvh', 'border-radius': '0', overflow: 'hidden', background: '#fff' }
        : {
            position: 'fixed', inset: 'auto', bottom: '80px', [side]: '20px', 'z-index': '2147483000', width: 'min(400px, calc(100vw - 40px))',
            height: 'min(640px, calc(100dvh - 100px))', 'border-radius': '16px', overflow: 'hidden', background: '#fff',
            'box-shadow': '0 8px 32px rgba(0,0,0,.3)',
          },
    );
  placePanel();
  phoneQuery?.addEventListener?.('change', placePanel);
  let frame: HTMLIFrameElement | null = null;
  let ready = false;

  // While open, the launcher is the close button, and says so.
  function showLauncher(isOpen: boolean): void {
    launcher.setAttribute('aria-expanded', String(isOpen));
    if (isOpen) {
      launcher.innerHTML = CLOSE_ICON;
      launcher.setAttribute('aria-label', closeLabel(options.lang, win?.navigator.languages ?? []));
      setStyles(launcher, { width: '48px', padding: '0', 'border-radius': '50%' });
    } else {
      launcher.textContent = options.label;
      launcher.removeAttribute('aria-label');
      setStyles(launcher, { width: 'auto', padding: '0 20px', 'border-radius': '24px' });
    }
  }

  // A host that is not in the app's allowedOrigins gets a refused frame, which loads without the page saying
  // "ready": say why in the host's console, and take the chat away rather than show a broken frame.
  function refused(): void {
    panel.remove();
    launcher.remove();
    console.error(
      `Direct Chat: this site (${win?.location.origin}) is not in the allowedOrigins of app "${options.appId}", so the chat cannot open here. Add it to the app's allowedOrigins.`,
    );
  }

  function open(): void {
    if (!frame) {
      frame = doc.createElement('iframe');
      frame.src = embeddedPageUrl(options);
      frame.title = options.label;
      frame.referrerPolicy = 'no-referrer';
      frame.setAttribute('allow', 'clipboard-write');
      setStyles(frame, { width: '100%', height: '100%', border: '0', visibility: 'hidden' });
      // The page's "ready" and the frame's load event travel separately between processes: allow it a moment.
      frame.addEventListener('load', () => setTimeout(() => ready || refused(), 1500));
      panel.append(frame);
    }
    panel.hidden = false;
    showLauncher(true);
    if (phoneQuery?.matches) launcher.hidden = true;
    frame.focus();
  }

  function close(): void {
    panel.hidden = true;
    launcher.hidden = false;
    showLauncher(false);
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  doc.defaultView?.addEventListener('message', (event: MessageEvent) => {
    // Only the frame we made, from the chat's own origin, may talk to us, and only in the words it knows.
    if (!frame || event.source !== frame.contentWindow || event.origin !== options.chatOrigin) return;
    const type = readEmbedMessage(event.data)?.type;
    if (type === 'ready') {
      ready = true;
      frame.style.visibility = 'visible';
      // Into the chat (its message box takes the focus as soon as it renders).
      if (!panel.hidden) frame.focus();
    } else if (type === 'close') close();
  });
  doc.body.append(panel, launcher);
  return { open, close, launcher, panel };
}

const script = document.currentScript as HTMLScriptElement | null;
const options = script && readEmbedOptions(script);
if (options) {
  const start = () => {
    const embed = mountEmbed(options);
    (window as unknown as { DirectChat?: object }).DirectChat = { open: embed.open, close: embed.close };
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}
