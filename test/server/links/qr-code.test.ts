import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { parseQrSize, qrPng, qrSvg } from '../../../server/links/qr-code';

const URL_ = 'http://127.0.0.1:8787/c/spring-sale-2026';

function decodeRgba(data: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(data, width, height)?.data;
}

/** Paints the SVG's horizontal runs ("M x y.5 h n m dx dy ...") onto a grid, scaled up, and decodes it. */
function decodeSvg(svg: string): string | undefined {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg);
  if (!viewBox || !path) return undefined;
  const modules = Number(viewBox[1]);
  const scale = 6;
  const size = modules * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path[1].matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Math.floor(Number(b))];
    else if (op === 'm') [x, y] = [x + Number(a), y + Math.floor(Number(b))];
    else {
      for (let col = x; col < x + Number(a); col++) {
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const offset = ((y * scale + dy) * size + col * scale + dx) * 4;
            rgba[offset] = rgba[offset + 1] = rgba[offset + 2] = 0;
          }
        }
      }
      x += Number(a);
    }
  }
  return decodeRgba(rgba, size, size);
}

describe('QR codes of a link', () => {
  it('SVG: a standalone, scalable image that decodes to the link URL', async () => {
    const svg = await qrSvg(URL_);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toMatch(/<script|on\w+=/i);
    expect(decodeSvg(svg)).toBe(URL_);
  });

  it('PNG: exactly the requested size, decodes to the link URL', async () => {
    for (const size of [128, 512, 1000]) {
      const png = PNG.sync.read(await qrPng(URL_, size));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(decodeRgba(new Uint8ClampedArray(png.data), png.width, png.height)).toBe(URL_);
    }
  });

  it('another URL gives another code', async () => {
    const png = PNG.sync.read(await qrPng(`${URL_}-b`, 256));
    expect(decodeRgba(new Uint8ClampedArray(png.data), 256, 256)).toBe(`${URL_}-b`);
  });

  it('size parameter: default, bounds, and garbage refused', () => {
    expect(parseQrSize(null)).toBe(512);
    expect(parseQrSize('')).toBe(512);
    expect(parseQrSize('128')).toBe(128);
    expect(parseQrSize('2048')).toBe(2048);
    for (const bad of ['127', '2049', '1e3', '-200', '512px', ' 512', '0x200', '99999999']) expect(parseQrSize(bad)).toBeUndefined();
  });
});
