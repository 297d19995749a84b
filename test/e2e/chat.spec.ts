import { expect, test } from '@playwright/test';
import { AgentApi } from './support/agent-api';
import { chatPage } from './support/chat-page';
import { signedLink } from './support/signed-links';

const agent = new AgentApi();
const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('a signed link is verified for the agent, scrubbed from the address bar, and the agent reply arrives live', async ({ page }) => {
  const sbs = unique('cust').replace(' ', '-');
  await page.goto(signedLink({ sbs, name: 'Ada Lovelace', email: 'ada@example.com', vars: { campaign: 'spring' } }));
  const chat = chatPage(page);
  await expect(page.getByText('Signed in · Ada Lovelace')).toBeVisible();
  const url = new URL(page.url());
  expect([...url.searchParams.keys()]).toEqual(['campaign']);

  const hello = unique('Hello from Ada');
  await chat.send(hello);
  const session = await agent.sessionWith(hello);
  const detail = await agent.detail(session.id);
  expect(detail.visitor.verified).toBe(true);
  expect(detail.visitor.customerId).toBe(sbs);
  expect(detail.visitor.claims).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
  expect(detail.visitor.vars).toEqual({ campaign: 'spring' });

  const reply = unique('Your parcel ships today');
  await agent.say(session.id, reply);
  await expect(chat.log.getByText(reply)).toBeVisible();
  await agent.sendLink(session.id, { url: 'https://example.com/track', title: 'Track your parcel' });
  const link = chat.log.getByRole('link', { name: /Track your parcel/ });
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(link).toHaveAttribute('target', '_blank');

  await page.reload();
  await chat.expectTexts([hello, reply, 'Track your parcel']);
  await expect(page.getByText('Signed in · Ada Lovelace')).toBeVisible();
});

test('direct=1&chatid opens the session for the same signed customer on another device, and not for anyone else', async ({ browser }) => {
  const sbs = unique('owner').replace(' ', '-');
  const phone = await browser.newContext();
  const first = await phone.newPage();
  await first.goto(signedLink({ sbs, name: 'Grace' }));
  const text = unique('Question from the phone');
  await chatPage(first).send(text);
  const session = await agent.sessionWith(text);

  const laptop = await browser.newContext();
  const second = await laptop.newPage();
  await second.goto(signedLink({ sbs, chatId: session.id }));
  await expect(chatPage(second).log.getByText(text)).toBeVisible();

  const stranger = await browser.newContext();
  const third = await stranger.newPage();
  await third.goto(signedLink({ sbs: `${sbs}-other`, chatId: session.id }));
  await expect(third.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();
  await expect(third.getByText(text)).toHaveCount(0);
  await third.getByRole('button', { name: 'Start a new chat' }).click();
  await expect(chatPage(third).composer).toBeFocused();
  expect(new URL(third.url()).searchParams.has('chatid')).toBe(false);

  const guest = await browser.newContext();
  const fourth = await guest.newPage();
  await fourth.goto(`/direct/demo_app?direct=1&chatid=${session.id}`);
  await expect(fourth.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();
  await Promise.all([phone.close(), laptop.close(), stranger.close(), guest.close()]);
});

test('a replayed link continues as a guest with a notice', async ({ browser }) => {
  const link = signedLink({ sbs: unique('replay').replace(' ', '-'), name: 'Eve' });
  const original = await browser.newContext();
  const page = await original.newPage();
  await page.goto(link);
  await expect(page.getByText('Signed in · Eve')).toBeVisible();

  const replay = await browser.newContext();
  const again = await replay.newPage();
  await again.goto(link);
  await expect(again.getByText('This link has already been used', { exact: false })).toBeVisible();
  await expect(again.getByText(/Signed in/)).toHaveCount(0);
  await expect(chatPage(again).composer).toBeEnabled();
  await Promise.all([original.close(), replay.close()]);
});

test('a forged signature continues as a guest with a notice', async ({ page }) => {
  const link = new URL(signedLink({ sbs: 'forged-42' }), 'http://x');
  link.searchParams.set('sbs', 'someone-else');
  await page.goto(`${link.pathname}${link.search}`);
  await expect(page.getByText("We couldn't confirm your account from this link", { exact: false })).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
});

test.describe('languages', () => {
  test.use({ locale: 'pt-BR' });

  test("follow Chromium's locale, and ?lang wins over it", async ({ page }) => {
    await page.goto('/direct/demo_app');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
    await expect(page.getByRole('textbox', { name: 'A sua mensagem' }).or(page.getByRole('textbox', { name: /mensagem/i }))).toBeVisible();

    await page.goto('/direct/demo_app?lang=ja');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('デモショップ サポート');
  });

  test('the switcher changes the language and it is remembered', async ({ page }) => {
    await page.goto('/direct/demo_app');
    await chatPage(page).fromMenu('Deutsch', 'Menu');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.goto('/direct/demo_app');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  });
});

test('unknown apps and paths get their own translated screens', async ({ page }) => {
  await page.goto('/direct/no_such_app');
  await expect(page.getByRole('heading', { name: "This chat doesn't exist" })).toBeVisible();
  await page.goto('/direct/bad%20app');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/elsewhere?lang=fr');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('usable at 320 px: the composer stays in view and nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/direct/demo_app?lang=de');
  const composer = page.getByRole('textbox');
  await expect(composer).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Senden' })).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('an earlier conversation can be picked up from "Earlier chats"', async ({ page }) => {
  const id = Math.random().toString(36).slice(2, 8);
  await page.goto('/direct/demo_app');
  const chat = chatPage(page);
  await chat.send(`first topic ${id}`);
  await chat.expectSent();
  await chat.fromMenu('New chat');
  await chat.send(`second topic ${id}`);
  await chat.expectSent();

  await chat.fromMenu('Earlier chats');
  const dialog = page.getByRole('dialog', { name: 'Your conversations' });
  await expect(dialog.getByRole('button')).toHaveCount(3);
  await dialog.getByRole('button', { name: /Open/ }).click();
  await expect(dialog).toBeHidden();
  await chat.expectTexts([`first topic ${id}`]);
  await expect(chat.composer).toBeFocused();
  await chat.send(`back on the first ${id}`);
  const session = await agent.sessionWith(`back on the first ${id}`);
  expect((await agent.messages(session.id)).map((m) => m.text)).toEqual([`first topic ${id}`, `back on the first ${id}`]);
});
