import { expect, test } from '@playwright/test';
import { ARTICLE_TITLE, startPreviewTestSite, type PreviewTestSite } from '../server/previews/support/preview-test-site';
import { AgentApi } from './support/agent-api';
import { chatPage } from './support/chat-page';
import { E2E_ORIGIN, E2E_PREVIEW_SITE_PORT } from './support/e2e-settings';

// The server may reach this one local site (DIRECT_CHAT_UNFURL_ALLOW in playwright.config.ts); the browser never does.
let site: PreviewTestSite;
test.beforeAll(async () => {
  site = await startPreviewTestSite({ port: E2E_PREVIEW_SITE_PORT });
});
test.afterAll(async () => {
  await site.close();
});

test('the agent pastes a URL and the customer sees its preview, with the image served from the chat origin', async ({ page }) => {
  const siteRequestsFromBrowser: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).port === String(E2E_PREVIEW_SITE_PORT)) siteRequestsFromBrowser.push(request.url());
  });
  await page.goto('/direct/demo_app');
  const chat = chatPage(page);
  const question = `Which shirt do you recommend? ${Math.random().toString(36).slice(2, 8)}`;
  await chat.send(question);
  await chat.expectSent();

  const agent = new AgentApi();
  const session = await agent.sessionWith(question);
  const said = await agent.say(session.id, `This one: ${site.origin}/article`);

  const bubble = chat.log.getByRole('listitem').filter({ hasText: 'This one:' });
  const card = bubble.getByRole('link', { name: new RegExp(`Link preview: .*${ARTICLE_TITLE}`) });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toHaveAttribute('href', `${site.origin}/article`);
  await expect(card).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(card).toContainText('Demo Shop');
  await expect(card).toContainText('Light shirts for warm days. Free returns.');

  const image = card.locator('img');
  const source = await image.getAttribute('src');
  expect(new URL(source ?? '').origin).toBe(E2E_ORIGIN);
  expect(new URL(source ?? '').pathname).toMatch(/^\/api\/previews\/[A-Za-z0-9_-]{43}$/);
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
  const served = await page.request.get(source ?? '');
  expect(served.headers()['content-type']).toBe('image/webp');

  // The page only ever talked to its own origin: the site was fetched by the server alone.
  expect(siteRequestsFromBrowser).toEqual([]);
  expect(site.requests.map((request) => request.path)).toEqual(expect.arrayContaining(['/article', '/images/photo.png']));
  expect(site.requests.every((request) => /DirectChatLinkPreview/.test(request.headers['user-agent'] ?? ''))).toBe(true);

  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 720 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`link-preview-${width}.png`) });
  }

  // The agent removes it: the customer's card goes away live, the message stays.
  await agent.removePreview(session.id, said.id);
  await expect(card).toHaveCount(0, { timeout: 10_000 });
  await expect(bubble).toContainText('This one:');
});
