import QRCode from 'qrcode';

export const QR_PNG_SIZE = { min: 128, max: 2048, default: 512 } as const;

// M recovers from ~15% damage: enough for print and screens, and keeps a short URL at a small version.
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** The link's QR code as a standalone SVG (scales to any print size). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

/** The link's QR code as a square PNG of `size` pixels. */
export function qrPng(url: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: size });
}

/** `?size=` of qr.png: absent → the default; anything but a whole number in range → undefined (a 400). */
export function parseQrSize(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || raw === '') return QR_PNG_SIZE.default;
  if (!/^\d{1,5}$/.test(raw)) return undefined;
  const size = Number(raw);
  return size >= QR_PNG_SIZE.min && size <= QR_PNG_SIZE.max ? size : undefined;
}
