import sharp from 'sharp';
import { crc32 } from 'node:zlib';

/** A real photo-like PNG (a gradient with shapes), larger than a preview, so re-encoding has work to do. */
export function samplePng(width = 1600, height = 1000): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#1f5fbf"/><stop offset="1" stop-color="#f2a541"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 4}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export function sampleImage(format: 'jpeg' | 'gif' | 'webp' | 'tiff' | 'avif', width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } }).toFormat(format).toBuffer();
}

/** A tiny PNG whose header claims `width` x `height`: decoding it would need gigabytes. */
export async function pixelBombPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
  // IHDR starts at byte 8: length (4), type (4), width (4), height (4), ... then its CRC over type + data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
