// How the chat page behaves as a messenger (issue 13's defects): following new messages, titles, notices, fallbacks.
import { expect, test, type Page } from '@playwright/test';
import { AgentApi } from './support/agent-api';
import { chatPage } from './support/chat-page';
import { signedLink } from './support/signed-links';

const unique = (label: string) => `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
const conversation = (page: Page) => page.getByRole('region', { name: 'Conversation' });

/** How far the conversation is scrolled from its bottom, in px. */
const distanceFromBottom = (page: Page) =>
  conversation(page).evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);

async function openConversation(page: Page) {
  await page.goto('/direct/demo_app?lang=en');
  const first = unique('hello');
  await chatPage(page).send(first);
  const agent = new AgentApi();
  const session = await agent.sessionWith(first);
  return { agent, session };
}

test('a burst of a dozen agent messages in a second keeps the newest one in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 640 });
  const { agent, session } = await openConversation(page);
  const texts = Array.from({ length: 12 }, (_, index) => `burst ${index + 1}: ${'a fairly long line of text that wraps '.repeat(2)}`);
  for (const text of texts) await agent.say(session.id, text);
  await expect(chatPage(page).log.getByText(texts[11]!)).toBeInViewport();
  await expect.poll(() => distanceFromBottom(page)).toBeLessThan(2);
});

test('scrolled up, the visitor gets a "new messages" pill instead of a jump, and the pill brings them down', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 640 });
  const { agent, session } = await openConversation(page);
  for (let index = 1; index <= 15; index++) await agent.say(session.id, `filler ${index}`);
  await expect(chatPage(page).log.getByText('filler 15', { exact: true })).toBeInViewport();
  await conversation(page).hover();
  await page.mouse.wheel(0, -2000);
  await expect.poll(() => distanceFromBottom(page)).toBeGreaterThan(300);
  const before = await conversation(page).evaluate((element) => element.scrollTop);
  await agent.say(session.id, 'while you were reading');
  const pill = page.getByRole('button', { name: 'New messages' });
  await expect(pill).toBeVisible();
  expect(await conversation(page).evaluate((element) => element.scrollTop)).toBe(before);
  await pill.click();
  await expect(chatPage(page).log.getByText('while you were reading')).toBeInViewport();
  await expect(pill).toBeHidden();
});

test('the on-screen keyboard opening (a shorter viewport) keeps the newest message in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const { agent, session } = await openConversation(page);
  for (let index = 1; index <= 10; index++) await agent.say(session.id, `before the keyboard ${index}`);
  const newest = chatPage(page).log.getByText('before the keyboard 10', { exact: true });
  await expect(newest).toBeInViewport();
  await chatPage(page).composer.focus();
  await page.setViewportSize({ width: 390, height: 420 });
  await expect(newest).toBeInViewport();
});

test('reopening one\'s own, already used signed link says one true thing: signed in, no "guest" notice', async ({ page }) => {
  const link = signedLink({ sbs: unique('reopen').replace(/\W/g, '-'), name: 'Ada' });
  await page.goto(link);
  await expect(page.getByText('Signed in · Ada')).toBeVisible();
  await page.goto(link);
  await expect(page.getByText('Signed in · Ada')).toBeVisible();
  await expect(page.getByText(/chatting as a guest/)).toHaveCount(0);
});

test('the document title is translated, on the chat and on error screens', async ({ page }) => {
  await page.goto('/direct/no_such_app?lang=ja');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(await page.getByRole('heading', { level: 1 }).innerText());
  await page.goto('/nowhere?lang=de');
  await expect(page).toHaveTitle('Seite nicht gefunden');
  await page.goto('/direct/demo_app?lang=ru');
  await expect(page).toHaveTitle('Поддержка Demo Shop');
});

test('when the language file cannot load, the static notice speaks the requested language', async ({ page }) => {
  await page.route(/\/assets\/locale-/, (route) => route.abort());
  await page.goto('/direct/demo_app?lang=ru');
  await expect(page.getByText('Нет соединения', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Обновить' })).toBeVisible();
  await expect(page.getByText("Can't connect", { exact: false })).toBeHidden();
});

test('times are dated: a "Today" separator heads today\'s messages', async ({ page }) => {
  await openConversation(page);
  await expect(chatPage(page).log.getByText('Today', { exact: true })).toBeVisible();
});

test('scrolling up loads earlier messages by itself, outside the live log; the button stays for the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  const { agent, session } = await openConversation(page);
  for (let index = 1; index <= 70; index++) await agent.say(session.id, `history ${index}`);
  await page.reload();
  const log = chatPage(page).log;
  await expect(log.getByText('history 70', { exact: true })).toBeVisible();
  await expect(page.getByText('history 1', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show earlier messages' })).toBeAttached();
  await conversation(page).hover();
  for (let turn = 0; turn < 12; turn++) await page.mouse.wheel(0, -1500);
  await expect(page.getByText('history 1', { exact: true })).toBeAttached();
  // History sits outside the polite live region: it is never read out as new.
  await expect(log.getByText('history 1', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show earlier messages' })).toHaveCount(0);
});
