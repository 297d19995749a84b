import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AgentApi } from './support/agent-api';
import { chatPage } from './support/chat-page';
import { E2E_AGENT_TOKEN } from './support/e2e-settings';
import { signedLink } from './support/signed-links';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the chat screen, with messages, a notice and a link card, has no axe violations', async ({ page }) => {
  const link = signedLink({ sbs: `axe-${Date.now()}`, name: 'Axe' });
  await page.goto(link);
  await expect(page.getByText('Signed in · Axe')).toBeVisible();
  const chat = chatPage(page);
  const text = `axe check ${Date.now()}`;
  await chat.send(text);
  const agent = new AgentApi();
  const session = await agent.sessionWith(text);
  await agent.say(session.id, 'Reply with a link https://example.com/help.');
  await agent.sendLink(session.id, { url: 'https://example.com/a', title: 'Order #1', description: 'Shipped' });
  await expect(chat.log.getByText('Order #1')).toBeVisible();
  await expectNoViolations(page);

  const replay = await page.context().browser()!.newContext();
  const second = await replay.newPage();
  await second.goto(link);
  await expect(second.getByText('This link has already been used', { exact: false })).toBeVisible();
  await expectNoViolations(second);
  await replay.close();
});

test('the earlier-conversations dialog has no axe violations and traps focus until Escape', async ({ page }) => {
  await page.goto('/direct/demo_app');
  const chat = chatPage(page);
  await chat.send(`dialog check ${Date.now()}`);
  await chat.expectSent();
  await chat.fromMenu('New chat');
  await chat.send(`second dialog check ${Date.now()}`);
  await chat.expectSent();
  await page.getByRole('button', { name: 'Menu' }).click();
  await expectNoViolations(page);
  await page.locator('#chat-menu').getByRole('button', { name: 'Earlier chats' }).click();
  const opener = page.getByRole('button', { name: 'Menu' });
  const dialog = page.getByRole('dialog', { name: 'Your conversations' });
  await expect(dialog.getByRole('button', { name: /Current/ })).toBeVisible();
  await expectNoViolations(page);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the chat works with the keyboard alone', async ({ page }) => {
  await page.goto('/direct/demo_app');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The heading is the server's first screen, painted before the page runs and inert until the page takes it over.
  await expect(page.locator('[inert]')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to message box' })).toBeFocused();
  await page.keyboard.press('Enter');
  const composer = page.getByRole('textbox', { name: 'Your message' });
  await expect(composer).toBeFocused();
  await page.keyboard.type('typed without a mouse');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('log').getByText('typed without a mouse')).toBeVisible();
  await expect(composer).toBeFocused();

  // The header menu: reached with Shift+Tab, opened with Enter, focus inside, Escape gives it back.
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#chat-menu').getByRole('button', { name: 'New chat' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('#chat-menu')).toHaveCount(0);
  await expect(menu).toBeFocused();
  // A language is chosen with Enter on it, and focus comes back to the menu button.
  await page.keyboard.press('Enter');
  await page.locator('#chat-menu').getByRole('button', { name: 'Deutsch' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Menü' })).toBeFocused();
});

for (const [label, path] of [
  ['not-found', '/nowhere'],
  ['unknown app', '/direct/no_such_app'],
  ['conversation not found', '/direct/demo_app?direct=1&chatid=nope'],
  ['Japanese chat', '/direct/demo_app?lang=ja'],
  ['Russian chat', '/direct/demo_app?lang=ru'],
] as const) {
  test(`the ${label} screen has no axe violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
}

for (const lang of ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru']) {
  test(`in ${lang}: the welcome, the open menu, a conversation and an error screen have no axe violations`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 780 });
    await page.goto(`/direct/demo_app?lang=${lang}`);
    await expect(page.locator('.welcome__quick-reply').first()).toBeVisible();
    await expectNoViolations(page);
    await page.locator('[data-menu-button]').click();
    await expect(page.locator('#chat-menu')).toBeVisible();
    await expectNoViolations(page);
    await page.keyboard.press('Escape');
    await page.locator('.welcome__quick-reply').first().click();
    await expect(page.getByRole('log').getByRole('listitem')).toHaveCount(1);
    await expect(page.locator('.bubble-row--sending')).toHaveCount(0);
    await expectNoViolations(page);
    await page.goto(`/direct/no_such_app?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
}

test('the agent console has no axe violations: signed out, app picker, list, conversation', async ({ page, context }) => {
  const customer = await context.newPage();
  await customer.goto('/direct/demo_app');
  await chatPage(customer).send(`a question for the console check ${Date.now()}`);
  await chatPage(customer).expectSent();
  await customer.close();
  await page.goto('/console/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoViolations(page);
  await page.getByLabel(/token/i).fill(E2E_AGENT_TOKEN);
  await page.getByLabel(/token/i).press('Enter');
  await expect(page.getByLabel(/token/i)).toHaveCount(0);
  await expectNoViolations(page);
  await page.getByRole('button', { name: /demo_app/ }).click();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expectNoViolations(page);
  await page.locator('.session-item').first().click();
  await expect(page.getByLabel('Reply')).toBeVisible();
  await expectNoViolations(page);
});

test('pages carry the security headers and load without a CSP violation', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto('/direct/demo_app');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain('frame-ancestors');
  expect(headers['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('textbox', { name: 'Your message' })).toBeVisible();
  const console = await page.request.get('/console/');
  expect(console.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(errors).toEqual([]);
});
