// The page's speed benchmark: what loads before the first paint, on a throttled mobile-like connection.
import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';

const SLOW_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

test('at most 4 requests and 31 KB of JavaScript before the first paint, on a slow connection', async ({ page, browserName }) => {
  test.skip(browserName !== 'chromium', 'network throttling needs the Chrome DevTools Protocol');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);

  await page.goto('/direct/demo_app?lang=en', { waitUntil: 'load' });
  await expect(page.getByRole('textbox', { name: 'Your message' })).toBeVisible();
  // The page has taken over the first screen the server wrote (inert until then).
  await expect(page.locator('[inert]')).toHaveCount(0);
  const metrics = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    // The conversation engine's chunk (and the wire guards it brings) starts with the locale and the config but the
    // paint does not wait for it, nor for the app's logo image, which may or may not have started by then.
    const before = resources.filter(
      (entry) => entry.startTime < fcp && entry.initiatorType !== 'img' && !/\/(engine-code|wire-guards)-/.test(entry.name),
    );
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      fcpMs: Math.round(fcp),
      requestsBeforePaint: 1 + before.length,
      urls: before.map((entry) => new URL(entry.name).pathname),
      jsBytesBeforePaint: before.filter((entry) => entry.name.endsWith('.js')).reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      // The first screen's language file: before the paint from a plain index.html, after it when the server wrote the
      // first screen into the page (first-screen.spec.ts).
      localeFiles: resources.filter((entry) => /\/locale-(?!rest-)/.test(entry.name)).map((entry) => new URL(entry.name).pathname),
      htmlBytes: navigation.encodedBodySize,
    };
  });
  console.log(`BENCHMARK ${JSON.stringify(metrics)}`);
  expect(metrics.requestsBeforePaint).toBeLessThanOrEqual(4);
  expect(metrics.jsBytesBeforePaint).toBeLessThanOrEqual(31 * 1024);
  expect(metrics.localeFiles).toEqual([expect.stringMatching(/\/locale-en-[\w-]+\.js$/)]);
});

test('only the active language is downloaded, also after switching', async ({ page }) => {
  const locales: string[] = [];
  page.on('request', (request) => {
    // A language comes in two parts, locale-<code>-… and locale-rest-<code>-…: both count as that language.
    const match = /\/locale-(?:rest-)?(zh-cn|zh-tw|[a-z]{2})-/.exec(request.url());
    if (match && !locales.includes(match[1])) locales.push(match[1]);
  });
  await page.goto('/direct/demo_app?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  // The server's first screen is already in Korean: the page's own language file comes once it has taken over.
  await expect(page.locator('[inert]')).toHaveCount(0);
  expect(locales).toEqual(['ko']);
  await chatPage(page).fromMenu('Русский', '메뉴');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  expect(locales).toEqual(['ko', 'ru']);
});
