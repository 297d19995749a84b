// The server writes the chat's first screen into the page (server/static/first-screen-page.ts): it is painted from
// the HTML, before any script, and the page's own render takes it over without a shift.
import { expect, test, type Page } from '@playwright/test';
import { NAUGHTY_TITLE, NAUGHTY_WELCOME } from './support/naughty-app';

test.use({ viewport: { width: 390, height: 844 } });

const URL = '/direct/demo_app?lang=fr';

const SLOW_3G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const BOXES = ['h1', '.chat-header__subtitle', '.welcome__message', '.welcome__names', '.composer'];

async function boxes(page: Page) {
  return page.evaluate((selectors) => {
    return selectors.map((selector) => {
      const rect = document.querySelector(selector)!.getBoundingClientRect();
      return { selector, x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    });
  }, BOXES);
}

test('the first screen is in the HTML: header and welcome in the language of the link, styled, before any script', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(URL);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('h1')).toHaveText('Service client Demo Shop');
  await expect(page.locator('.welcome__message')).toHaveText(/^Bonjour ! Posez-nous vos questions/);
  // The style attributes (brand colour, faces) are allowed by the page's policy: the faces have their colour.
  const faceColour = await page.locator('.welcome__faces .avatar').first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(faceColour).not.toBe('rgba(0, 0, 0, 0)');
  const headerColour = await page.locator('.chat-header').evaluate((element) => getComputedStyle(element).getPropertyValue('--accent').trim());
  expect(headerColour).toBe('#1f5fbf');
  expect(violations).toEqual([]);
  await context.close();
});

test('the page takes the first screen over: the largest paint is the HTML\'s, no layout shift, the same boxes', async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const still = await context.newPage();
  await still.goto(URL);
  const before = await boxes(still);
  const expectedTitle = await still.locator('h1').textContent();
  await context.close();

  await page.addInitScript(() => {
    const record = {
      shifts: [] as number[],
      paints: [] as { time: number; size: number; fromHtml: boolean }[],
      takenOverAt: Number.NaN,
      violations: [] as string[],
    };
    (window as unknown as { firstScreen: typeof record }).firstScreen = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) record.shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { size: number; element: Element | null })[]) {
        // Still inside the markup the server wrote (not yet replaced by the page's render)?
        record.paints.push({ time: entry.startTime, size: entry.size, fromHtml: !!entry.element?.closest('.app-root[inert]') });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    document.addEventListener('securitypolicyviolation', (event) => record.violations.push(`${event.violatedDirective} ${event.sample}`));
    // The moment the page's render replaced the inert screen the server wrote.
    new MutationObserver((_, observer) => {
      const app = document.getElementById('app');
      if (app && !app.querySelector('.app-root[inert]') && app.querySelector('.app-root')) {
        record.takenOverAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  // A phone's connection (as Lighthouse's mobile run has it): the HTML can paint before the scripts have come.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new globalThis.URL(request.url()).pathname));
  await page.goto(URL);
  // The conversation engine has started: its quick replies show.
  await expect(page.getByRole('button', { name: 'Où en est ma commande ?' })).toBeVisible();
  await page.waitForTimeout(500);
  const record = await page.evaluate(
    () => (window as unknown as { firstScreen: { shifts: number[]; paints: { time: number; size: number; fromHtml: boolean }[]; takenOverAt: number; violations: string[] } }).firstScreen,
  );

  expect(record.takenOverAt).toBeGreaterThan(0);
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime);
  expect(firstPaint, 'the HTML painted before the page took over').toBeLessThan(record.takenOverAt);
  // One largest paint: the HTML's, in the first frame; nothing larger follows, before or after the takeover.
  expect(record.paints).toEqual([{ time: firstPaint, size: expect.any(Number), fromHtml: true }]);
  // The paint waited for nothing but the HTML (the logo, a low-priority image, may have started): the page's scripts
  // start after it, and the config the screen was drawn with is in the page, never fetched.
  const startedBeforePaint = await page.evaluate(
    (paint) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.startTime < paint && entry.initiatorType !== 'img').map((entry) => entry.name),
    firstPaint,
  );
  expect(startedBeforePaint).toEqual([]);
  expect(requested.filter((path) => path.endsWith('/config'))).toEqual([]);
  expect(requested.filter((path) => path.includes('/locale-') && !path.includes('/locale-rest-'))).toEqual([expect.stringMatching(/\/locale-fr-/)]);
  expect(record.shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
  expect(record.violations).toEqual([]);

  const after = await boxes(page);
  for (const [index, box] of after.entries()) {
    const was = before[index]!;
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(box[key] - was[key]), `${box.selector} ${key}`).toBeLessThan(0.5);
  }
  await expect(page.locator('h1')).toHaveText(expectedTitle!);
  // Taken over, not added to: one header, nothing inert left, the skip link leads to the message box.
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('[inert]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#composer-input')).toBeFocused();
});

test('strings from the app config are text on the first screen, and the page boots with them', async ({ page }) => {
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('/direct/naughty_app?lang=en');
  await expect(page.locator('h1')).toHaveText(NAUGHTY_TITLE);
  await expect(page.locator('.welcome__message')).toHaveText(NAUGHTY_WELCOME);
  await expect(page.locator('[inert]')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Your message' }).fill('Hello');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Hello', { exact: true })).toBeVisible();
  expect(alerts).toEqual([]);
  expect(await page.locator('#app script, #app img[onerror], #app iframe').count()).toBe(0);
});
