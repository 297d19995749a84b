import { expect, test, type Page } from '@playwright/test';
import de from '../../locales/de/chat.json' with { type: 'json' };

// Requests the server cannot route still get the page, which shows its own translated screen (never raw JSON, never
// the browser's error page). German, so the text shown is proven to come from the page's translations.
test.use({ locale: 'de-DE' });

const notFound = (page: Page) => page.getByRole('heading', { name: 'Seite nicht gefunden' });
/** The title of every full-screen notice the page has, in German. */
const GERMAN_SCREEN_TITLES = Object.values(de.errors as Record<string, { title?: string }>).flatMap((entry) => entry.title ?? []);

test('a broken %-escape in the address shows one of the page’s translated screens', async ({ page }) => {
  const response = await page.goto('/direct/%E0%A4%A');
  expect(response?.status()).toBe(400);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  expect(GERMAN_SCREEN_TITLES).toContain(await heading.textContent());
});

test('a 100 KB address shows the translated not-found screen, or the chat when only its query is long', async ({ page }) => {
  const response = await page.goto(`/direct/${'x'.repeat(100 * 1024)}`);
  expect(response?.status()).toBe(431);
  await expect(notFound(page)).toBeVisible();

  await page.goto(`/direct/demo_app?campaign=${'c'.repeat(100 * 1024)}`);
  await expect(page.getByRole('textbox')).toBeVisible();
  await expect(notFound(page)).toHaveCount(0);
});

test('headers too large on the page request still open the chat page', async ({ page }) => {
  await page.route('**/direct/demo_app', (route) =>
    route.continue({ headers: { ...route.request().headers(), 'x-padding': 'p'.repeat(100 * 1024) } }),
  );
  const response = await page.goto('/direct/demo_app');
  expect(response?.status()).toBe(431);
  expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
  await expect(page.getByRole('textbox')).toBeVisible();
});
