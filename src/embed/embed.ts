// The host page's loader: <script src="https://chat.example.com/direct/embed.js" data-app-id="demo_app" async>.
// It adds a launcher button; the chat page itself loads in a frame only when first opened.
import { embeddedPageUrl, readEmbedOptions, type EmbedOptions } from './embed-options';
import { readEmbedMessage } from './embed-messages';

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
  setStyles(panel, {
    position: 'fixed', bottom: '80px', [side]: '20px', 'z-index': '2147483000', width: 'min(400px, calc(100vw - 40px))',
    height: 'min(640px, calc(100dvh - 100px))', 'border-radius': '16px', overflow: 'hidden', background: '#fff',
    'box-shadow': '0 8px 32px rgba(0,0,0,.3)',
  });
  let frame: HTMLIFrameElement | null = null;

  function open(): void {
    if (!frame) {
      frame = doc.createElement('iframe');
      frame.src = embeddedPageUrl(options);
      frame.title = options.label;
      frame.referrerPolicy = 'no-referrer';
      frame.setAttribute('allow', 'clipboard-write');
      setStyles(frame, { width: '100%', height: '100%', border: '0' });
      panel.append(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function close(): void {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
  doc.defaultView?.addEventListener('message', (event: MessageEvent) => {
    // Only the frame we made, from the chat's own origin, may talk to us, and only in the words it knows.
    if (!frame || event.source !== frame.contentWindow || event.origin !== options.chatOrigin) return;
    if (readEmbedMessage(event.data)?.type === 'close') close();
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
