import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { LINK_MOMENT_FORMAT } from '../../src/i18n/format-moment';
import { E2E_AGENT_TOKEN, E2E_ORIGIN } from './support/e2e-settings';

const APP = 'member_app';
const LOCALES = ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'];

async function createApiKey(): Promise<string> {
  const response = await fetch(`${E2E_ORIGIN}/api/agent/apps/${APP}/api-keys`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_AGENT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'e2e' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()).key;
}

async function generate(key: string, dataset: object[], scenario = APP): Promise<Array<{ user_id: string; url: string }>> {
  const response = await fetch(`${E2E_ORIGIN}/public/api/generate-webchat-deep-link`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario_id: scenario, dataset }),
  });
  expect(response.status).toBe(201);
  return response.json();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a personal link opens the chat as its user with a personalized welcome; the agent sees the attributes', async ({ browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  // The owner creates the key in the console's API keys section: shown once, with a copy button.
  const console = await (await browser.newContext()).newPage();
  await console.goto('/console/');
  await console.getByLabel('Agent token').fill(E2E_AGENT_TOKEN);
  await console.getByRole('button', { name: 'Sign in' }).click();
  await console.getByRole('button', { name: new RegExp(APP) }).click();
  await console.getByRole('button', { name: 'API keys' }).click();
  await console.getByLabel("New key's name").fill(`CRM ${id}`);
  await console.getByRole('button', { name: 'Create key' }).click();
  await expect(console.getByText(/Copy it now/)).toBeVisible();
  const key = (await console.locator('.api-keys__secret').textContent())!;
  expect(key).toMatch(/^dck_/);
  await expect(console.getByRole('button', { name: `Revoke CRM ${id}` })).toBeVisible();

  const [ada, bob] = await generate(key, [
    { user_id: `ada-${id}`, attributes: { name: 'Ada Lovelace', account_type: 'premium', email: `ada-${id}@example.com`, interests: 'shoes, bags' } },
    { user_id: `bob-${id}`, attributes: { name: 'Bob Stone', account_type: 'basic' } },
  ]);

  const customer = await (await browser.newContext()).newPage();
  const requests: string[] = [];
  customer.on('request', (request) => requests.push(request.url()));
  const bodies: string[] = [];
  customer.on('response', async (response) => {
    if (response.url().includes('/api/')) bodies.push(await response.text().catch(() => ''));
  });
  await customer.goto(ada!.url);
  await expect(customer.getByText('Hi Ada Lovelace! Your premium desk is ready.')).toBeVisible();
  await expect(customer.getByText(/Bob Stone/)).toHaveCount(0);
  const chat = chatPage(customer);
  const question = `Is my order on its way? (${id})`;
  await chat.send(question);
  await chat.expectSent();
  // The attributes stay on the server: only the filled welcome reached the browser.
  expect(bodies.join('\n')).not.toContain(`ada-${id}@example.com`);
  expect(requests.join('\n')).not.toContain('Lovelace');

  await console.getByRole('button', { name: 'Conversations' }).click();
  await console.getByRole('button', { name: new RegExp(question.replace(/[?()]/g, '\\$&')) }).click();
  const panel = console.getByRole('region', { name: 'Visitor' });
  await expect(panel.getByText('Supplied by your system')).toBeVisible();
  await expect(panel.getByText(`ada-${id}@example.com`)).toBeVisible();
  await expect(panel.getByText('shoes, bags')).toBeVisible();
  await expect(panel.getByText('Verified customer')).toBeVisible();

  const answer = `Yes, it ships today (${id}).`;
  await console.getByLabel('Reply').fill(answer);
  await console.getByLabel('Reply').press('Enter');
  await expect(chat.log.getByText(answer)).toBeVisible();

  // The same user on another device, through another of their links, reaches the same conversation.
  const [again] = await generate(key, [{ user_id: `ada-${id}`, attributes: { name: 'Ada' } }]);
  const tablet = await (await browser.newContext()).newPage();
  await tablet.goto(again!.url);
  await expect(tablet.getByText('Hi Ada! Your desk is ready.')).toBeVisible();
  await chatPage(tablet).fromMenu('Earlier chats');
  const earlier = tablet.getByRole('dialog', { name: 'Your conversations' });
  await earlier.getByRole('button', { name: /Open/ }).click();
  await chatPage(tablet).expectTexts([question, answer]);
  expect(bob!.user_id).toBe(`bob-${id}`);
});

test('a revoked or expired link has its own translated, axe-clean screen in every language, and a guest chat', async ({ page }) => {
  const key = await createApiKey();
  const [link] = await generate(key, [{ attributes: { name: 'Gone' } }]);
  const code = new URL(link!.url).pathname.split('/')[2];
  const revoked = await fetch(`${E2E_ORIGIN}/public/api/deep-links/${code}`, { method: 'DELETE', headers: { Authorization: `Bearer ${key}` } });
  expect(revoked.status).toBe(204);

  for (const locale of LOCALES) {
    const texts = JSON.parse(readFileSync(`locales/${locale}/deep-links.json`, 'utf8')).errors;
    await page.goto(`/p/${code}?lang=${locale}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.deep_link_revoked.title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('button', { name: texts.chatAsGuest })).toBeVisible();
    await expectNoAxeViolations(page);
  }

  await page.goto(`/p/${code}?lang=en`);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Chat as a guest' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/direct/${APP}`));
  await expect(page.getByText('Hi! Your desk is ready.')).toBeVisible();
  await expect(page.getByText(/Gone/)).toHaveCount(0);
});

test('a link made for a chat link that has not opened yet says from when, in every language, and offers a guest chat', async ({ browser }) => {
  const key = await createApiKey();
  const activeFrom = '2031-03-01T09:30:00.000Z';
  const answer = await fetch(`${E2E_ORIGIN}/api/agent/apps/${APP}/links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${E2E_AGENT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Spring campaign', locale: '*', activeFrom }),
  });
  expect(answer.status).toBe(201);
  const { link } = await answer.json();
  const [deepLink] = await generate(key, [{ attributes: { name: 'Early' } }], link.slug);
  const code = new URL(deepLink!.url).pathname.split('/')[2];
  const page = await (await browser.newContext({ timezoneId: 'America/Sao_Paulo' })).newPage();

  for (const locale of LOCALES) {
    const texts = JSON.parse(readFileSync(`locales/${locale}/deep-links.json`, 'utf8')).errors;
    await page.goto(`/p/${code}?lang=${locale}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.deep_link_not_yet_active.title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    // The date as this browser formats it with the page's options (its ICU and time zone, not Node's).
    const when = await page.evaluate(
      ([moment, tag, options]) => new Intl.DateTimeFormat(tag, options).format(new Date(moment)),
      [activeFrom, locale.replace(/-(cn|tw)$/, (region) => region.toUpperCase()), LINK_MOMENT_FORMAT] as const,
    );
    await expect(page.getByText(texts.deep_link_not_yet_active.body.replace('{{when}}', when), { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: texts.chatAsGuest })).toBeVisible();
    await expectNoAxeViolations(page);
  }

  await page.getByRole('button', { name: JSON.parse(readFileSync('locales/ru/deep-links.json', 'utf8')).errors.chatAsGuest }).click();
  await expect(page).toHaveURL(new RegExp(`/direct/${APP}`));
  await expect(page.getByRole('textbox')).toBeVisible();
  await expect(page.getByText(/Early/)).toHaveCount(0);
});
