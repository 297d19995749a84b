import { useEffect, useState } from 'preact/hooks';
import type { AgentChatLink } from '../../links/agent-link-wire';
import type { AgentClient } from '../api/agent-client';
import type { QrFormat } from '../api/agent-paths';
import { describeError } from '../api/api-error';

const PNG_SIZES = [256, 512, 1024, 2048];

interface Props {
  client: AgentClient;
  appId: string;
  link: AgentChatLink;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The console's CSP loads images from 'self', https: and data: only: the SVG preview is a data: URL. */
async function dataUrl(blob: Blob): Promise<string> {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await blob.text())}`;
}

/** The link's QR code, previewed from the SVG, downloadable as SVG or as a PNG of a chosen size. */
export function QrCode({ client, appId, link }: Props) {
  const [preview, setPreview] = useState<string | null>(null);
  const [size, setSize] = useState(512);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    client
      .linkQr(appId, link.id, 'svg')
      .then(dataUrl)
      .then(
        (url) => active && setPreview(url),
        (failure) => active && setError(describeError(failure)),
      );
    return () => {
      active = false;
    };
  }, [client, appId, link.id, link.slug]);

  const download = async (format: QrFormat) => {
    setError(null);
    try {
      saveBlob(await client.linkQr(appId, link.id, format, format === 'png' ? size : undefined), `chat-link-${link.slug}.${format}`);
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <div class="qr-code">
      <h3>QR code</h3>
      {preview ? <img class="qr-code__image" src={preview} width={160} height={160} alt={`QR code for ${link.url}`} /> : <p class="hint">Loading the QR code…</p>}
      <div class="qr-code__downloads">
        <button type="button" class="button" onClick={() => void download('svg')}>
          Download SVG
        </button>
        <label for="qr-size" class="visually-hidden">
          PNG size in pixels
        </label>
        <select id="qr-size" value={size} onChange={(e) => setSize(Number(e.currentTarget.value))}>
          {PNG_SIZES.map((px) => (
            <option key={px} value={px}>
              {px} × {px} px
            </option>
          ))}
        </select>
        <button type="button" class="button" onClick={() => void download('png')}>
          Download PNG
        </button>
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
