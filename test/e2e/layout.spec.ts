// The page at phone and desktop widths, in all nine languages: nothing outside the viewport, a one-row header of
// about 56 px, words that never break one character per line, and no layout shift after the first paint.
import { expect, test, type Page } from '@playwright/test';
import { chatPage } from './support/chat-page';

const LANGUAGES = ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'];
const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 780 },
  { width: 1280, height: 800 },
];

/** Sums layout shifts not caused by input, from the first paint on (buffered, so nothing before the test is lost). */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const cumulativeShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0));

/** Every visible element of the page that reaches outside the viewport, or text squeezed into a one-letter column. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${element.textContent?.slice(0, 30)}"`;
    for (const element of document.querySelectorAll('#app *')) {
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none' || element.closest('.visually-hidden, .skip-link, svg')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.left < -0.5 || rect.right > innerWidth + 0.5 || rect.top < -0.5 || rect.bottom > innerHeight + 0.5) {
        // Inside the conversation, scrolling is the point: only its box must fit.
        if (!element.closest('.message-list__scroller') || element.matches('.message-list__scroller')) problems.push(`outside: ${describe(element)}`);
      }
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim().length > 2);
      if (hasText && rect.width < parseFloat(style.fontSize) * 2.5) problems.push(`squeezed: ${describe(element)} ${rect.width}px`);
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) problems.push('the page scrolls sideways');
    return problems;
  });
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    for (const lang of LANGUAGES) {
      test(`${lang}: the chat fits, its header is one row of about 56 px, and nothing shifts after the first paint`, async ({ page }) => {
        await watchLayoutShifts(page);
        await page.goto(`/direct/demo_app?lang=${lang}`);
        const header = page.locator('.chat-header');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.locator('.welcome__quick-reply').first()).toBeVisible();
        const box = (await header.boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(55);
        expect(box.height).toBeLessThanOrEqual(57);
        // The title and the line under it stay one line each (they give way with an ellipsis, never wrap).
        for (const line of ['.chat-header__title', '.chat-header__subtitle']) {
          const lineBox = (await header.locator(line).boundingBox())!;
          expect(lineBox.height, line).toBeLessThan(24);
        }
        expect(await layoutProblems(page)).toEqual([]);

        // The menu fits too.
        await page.locator('[data-menu-button]').click();
        await expect(page.locator('#chat-menu')).toBeVisible();
        expect(await layoutProblems(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
        expect(await cumulativeShift(page)).toBeLessThan(0.02);
      });
    }
  });
}

test('a returning visitor\'s conversation opens without a layout shift', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('/direct/demo_app?lang=en');
  const chat = chatPage(page);
  for (const text of ['one', 'two', 'three']) await chat.send(`${text} ${Date.now()}`);
  await chat.expectSent();
  await watchLayoutShifts(page);
  await page.reload();
  await expect(chat.log.getByRole('listitem')).toHaveCount(3);
  await page.waitForTimeout(500);
  expect(await cumulativeShift(page)).toBeLessThan(0.02);
  expect(await layoutProblems(page)).toEqual([]);
});
