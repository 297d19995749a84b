import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unfurlLink } from '../../../server/previews/unfurl-link';
import { parseUnfurlAllow } from '../../../server/previews/unfurl-allow';
import { expectRefusal } from './support/expect-refusal';
import { ARTICLE_TITLE, startPreviewTestSite, type PreviewTestSite } from './support/preview-test-site';

let site: PreviewTestSite;
beforeAll(async () => {
  site = await startPreviewTestSite();
});
afterAll(() => site.close());

const unfurl = (path: string) => unfurlLink(`${site.origin}${path}`, { allow: parseUnfurlAllow(`127.0.0.1:${site.port}`) });

describe('unfurlLink over the test site', () => {
  it('gives the page preview and its image, re-encoded', async () => {
    const { preview, image } = await unfurl('/redirect/2');
    expect(preview).toEqual({
      url: `${site.origin}/redirect/2`,
      title: ARTICLE_TITLE,
      description: 'Light shirts for warm days. Free returns.',
      siteName: 'Demo Shop',
      imageUrl: `${site.origin}/images/photo.png`,
    });
    expect(image && (await sharp(image.body).metadata()).format).toBe('webp');
  });

  it('resolves images against the page where redirects ended, and reads plain HTML metadata', async () => {
    expect((await unfurl('/twitter')).preview.imageUrl).toBe(`${site.origin}/images/photo.png`);
    expect((await unfurl('/plain')).preview).toEqual({ url: `${site.origin}/plain`, title: 'Plain & simple', description: 'Only HTML metadata.' });
    expect((await unfurl('/huge')).preview.title).toBe('Huge page');
  });

  it('keeps the preview but drops an image the rules refuse', async () => {
    const before = site.requests.length;
    const unsafe = await unfurl('/image-private');
    expect(unsafe.image).toBeUndefined();
    expect(unsafe.preview.imageUrl).toBeUndefined();
    expect(site.requests.length - before).toBe(1);
    expect((await unfurl('/image-script')).image).toBeUndefined();
  });

  it('refuses a page without a title, and passes fetch refusals on', async () => {
    await expectRefusal(unfurl('/bare'), 'no_metadata');
    await expectRefusal(unfurl('/json'), 'content_type');
    await expectRefusal(unfurlLink(`${site.origin}/article`, {}), 'port');
  });
});
