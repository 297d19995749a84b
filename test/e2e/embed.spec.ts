import { expect, test } from '@playwright/test';
import { AgentApi } from './support/agent-api';
import { E2E_EMBEDDING_ORIGIN, E2E_ORIGIN } from './support/e2e-settings';

/** A business's own page with the one-line snippet, served from `origin` (fulfilled by the test, not the server). */
async function openHostPage(page: import('@playwright/test').Page, origin: string) {
  await page.route(`${origin}/shop.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Shop</title></head><body><main><h1>Our shop</h1></main>
        <script src="${E2E_ORIGIN}/direct/embed.js" data-app-id="demo_app" data-lang="de" data-label="Hilfe" async></script></body></html>`,
    }),
  );
  await page.goto(`${origin}/shop.html`);
}

test('embed.js opens the chat in a frame on an allowed site; the visitor chats, and closes it', async ({ page }) => {
  await openHostPage(page, E2E_EMBEDDING_ORIGIN);
  const launcher = page.getByRole('button', { name: 'Hilfe' });
  await expect(page.locator('iframe')).toHaveCount(0);
  await launcher.click();
  // Open, the launcher is the close button and is named so; focus goes straight into the message box.
  const closeLauncher = page.getByRole('button', { name: 'Chat schließen' });
  await expect(closeLauncher).toHaveAttribute('aria-expanded', 'true');

  const chat = page.frameLocator('iframe[title="Hilfe"]');
  const composer = chat.getByRole('textbox');
  await expect(composer).toBeFocused();
  const text = `from the shop page ${Date.now()}`;
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  const session = await new AgentApi().sessionWith(text);
  expect((await new AgentApi().detail(session.id)).visitor.vars).toEqual({});

  // Escape inside a dialog of the chat closes that dialog only.
  await chat.getByRole('button', { name: 'Menü' }).click();
  await expect(chat.locator('#chat-menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(chat.locator('#chat-menu')).toHaveCount(0);
  await expect(page.locator('#direct-chat-panel')).toBeVisible();

  await chat.getByRole('button', { name: 'Chat schließen' }).click();
  await expect(page.locator('#direct-chat-panel')).toBeHidden();
  await expect(launcher).toBeFocused();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
});

test('on a phone-sized host the chat opens full screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 720 });
  await openHostPage(page, E2E_EMBEDDING_ORIGIN);
  await page.getByRole('button', { name: 'Hilfe' }).click();
  await expect(page.frameLocator('iframe').getByRole('textbox')).toBeFocused();
  expect(await page.locator('#direct-chat-panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 720 });
  await page.frameLocator('iframe').getByRole('button', { name: 'Chat schließen' }).click();
  await expect(page.getByRole('button', { name: 'Hilfe' })).toBeFocused();
});

test('a site that is not in the app\'s allowed origins cannot frame the chat, and the loader says why, showing no broken frame', async ({ page }) => {
  const blocked: string[] = [];
  const explained: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
    if (/^Direct Chat: .*not in the allowedOrigins of app "demo_app"/.test(message.text())) explained.push(message.text());
  });
  await openHostPage(page, 'http://not-allowed.test');
  await page.getByRole('button', { name: 'Hilfe' }).click();
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  await expect.poll(() => explained.length).toBe(1);
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect(page.locator('#direct-chat-panel')).toHaveCount(0);
});

test('a disabled full page says so', async ({ page }) => {
  await page.goto('/direct/disabled_app');
  await expect(page.getByRole('heading', { name: "This chat isn't available here" })).toBeVisible();
});
