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
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');

  const chat = page.frameLocator('iframe[title="Hilfe"]');
  const composer = chat.getByRole('textbox', { name: 'Deine Nachricht' }).or(chat.getByRole('textbox'));
  const text = `from the shop page ${Date.now()}`;
  await composer.fill(text);
  await composer.press('Enter');
  const session = await new AgentApi().sessionWith(text);
  expect((await new AgentApi().detail(session.id)).visitor.vars).toEqual({});

  await chat.getByRole('button', { name: 'Chat schließen' }).click();
  await expect(page.locator('#direct-chat-panel')).toBeHidden();
  await expect(launcher).toBeFocused();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
});

test('a site that is not in the app\'s allowed origins cannot frame the chat', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
  });
  await openHostPage(page, 'http://not-allowed.test');
  await page.getByRole('button', { name: 'Hilfe' }).click();
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  await expect(page.frameLocator('iframe').getByRole('textbox')).toHaveCount(0);
});

test('a disabled full page says so', async ({ page }) => {
  await page.goto('/direct/disabled_app');
  await expect(page.getByRole('heading', { name: "This chat isn't available here" })).toBeVisible();
});
