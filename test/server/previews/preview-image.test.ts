import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPreviewImage, PREVIEW_IMAGE_MAX_SIDE, reencodeImage } from '../../../server/previews/preview-image';
import { parseUnfurlAllow } from '../../../server/previews/unfurl-allow';
import { expectRefusal } from './support/expect-refusal';
import { startPreviewTestSite, type PreviewTestSite } from './support/preview-test-site';
import { pixelBombPng, sampleImage, samplePng } from './support/test-images';

let site: PreviewTestSite;
beforeAll(async () => {
  site = await startPreviewTestSite();
});
afterAll(() => site.close());

describe('reencodeImage', () => {
  it('re-encodes PNG, JPEG, GIF and WebP to a bounded WebP', async () => {
    const inputs = [await samplePng(1600, 1000), await sampleImage('jpeg'), await sampleImage('gif'), await sampleImage('webp')];
    for (const input of inputs) {
      const image = await reencodeImage(input);
      const meta = await sharp(image.body).metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(PREVIEW_IMAGE_MAX_SIDE);
      expect([image.width, image.height]).toEqual([meta.width, meta.height]);
    }
    const large = await reencodeImage(await samplePng(1600, 1000));
    expect([large.width, large.height]).toEqual([800, 500]);
  });

  it('drops the original metadata (EXIF locations and the like)', async () => {
    const tagged = await sharp(await sampleImage('jpeg'))
      .withExif({ IFD0: { Copyright: 'secret place' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    expect((await sharp((await reencodeImage(tagged)).body).metadata()).exif).toBeUndefined();
  });

  it('refuses other formats, garbage and pixel bombs', async () => {
    await expectRefusal(reencodeImage(await sampleImage('tiff')), 'image_decode');
    await expectRefusal(reencodeImage(await sampleImage('avif')), 'image_decode');
    await expectRefusal(reencodeImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')), 'image_decode');
    await expectRefusal(reencodeImage(Buffer.from('<html>not an image</html>')), 'image_decode');
    await expectRefusal(reencodeImage(await pixelBombPng(100_000, 100_000)), 'image_decode');
  });
});

describe('fetchPreviewImage', () => {
  const fetchImage = (path: string) => fetchPreviewImage(`${site.origin}${path}`, { allow: parseUnfurlAllow(`127.0.0.1:${site.port}`) });

  it('fetches under the same rules and re-encodes', async () => {
    const image = await fetchImage('/images/photo.png');
    expect(image.mediaType).toBe('image/webp');
    expect((await sharp(image.body).metadata()).format).toBe('webp');
    await expectRefusal(fetchPreviewImage(`${site.origin}/images/photo.png`, {}), 'port');
  });

  it('refuses images that are too large, mislabelled or of another type', async () => {
    await expectRefusal(fetchImage('/images/huge.png'), 'too_large');
    await expectRefusal(fetchImage('/images/fake.png'), 'image_decode');
    await expectRefusal(fetchImage('/images/photo.svg'), 'content_type');
    await expectRefusal(fetchImage('/images/bomb.png'), 'image_decode');
    await expectRefusal(fetchImage('/article'), 'content_type');
  });
});
