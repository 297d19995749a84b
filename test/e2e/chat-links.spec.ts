import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LINK_MOMENT_FORMAT } from '../../src/i18n/format-moment';
import { E2E_AGENT_TOKEN, E2E_ORIGIN } from './support/e2e-settings';

const LOCALES = ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'] as const;
const BCP47: Record<string, string> = { 'zh-cn': 'zh-CN', 'zh-tw': 'zh-TW' };
const messages = (code: string) => JSON.parse(readFileSync(`locales/${code}/links.json`, 'utf8'));
const chatMessages = (code: string) => JSON.parse(readFileSync(`locales/${code}/chat.json`, 'utf8'));

async function agentCall(method: string, path: string, body?: unknown) {
  const response = await fetch(`${E2E_ORIGIN}/api/agent/apps/demo_app${path}`, {
    method,
    headers: { Authorization: `Bearer ${E2E_AGENT_TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

/**
 * The date as this browser formats it with the page's own options: the expected text comes from the same Intl (the
 * browser's ICU and time zone), not from Node's, whose data and spacing differ.
 */
function momentInBrowser(page: Page, iso: string, code: string): Promise<string> {
  return page.evaluate(
    ([moment, locale, options]) => new Intl.DateTimeFormat(locale, options).format(new Date(moment)),
    [iso, BCP47[code] ?? code, LINK_MOMENT_FORMAT] as const,
  );
}

test('an agent creates a link in the console; a visitor opens it with lang=fr-ca, chats, and the counts move', async ({ browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const consolePage = await (await browser.newContext()).newPage();
  await consolePage.goto('/console/');
  await consolePage.getByLabel('Agent token').fill(E2E_AGENT_TOKEN);
  await consolePage.getByRole('button', { name: 'Sign in' }).click();
  // The e2e server hosts two apps (see playwright.config.ts), so the console asks which one.
  await consolePage.getByRole('button', { name: /demo_app/ }).click();
  await consolePage.getByRole('button', { name: 'Links', exact: true }).click();
  await consolePage.getByRole('button', { name: 'New link' }).click();
  await consolePage.getByLabel('Name', { exact: true }).fill(`Spring mailing ${id}`);
  await consolePage.getByLabel('Language').selectOption({ label: 'All languages' });
  await consolePage.getByLabel('Slug (optional)').fill(`spring-${id}`);
  await consolePage.getByLabel('Conversations per person (optional)').fill('1');
  await consolePage.getByRole('button', { name: 'Create link' }).click();
  const summary = consolePage.getByRole('complementary', { name: `Spring mailing ${id}` });
  const url = await summary.getByLabel('Address').inputValue();
  expect(url).toBe(`${E2E_ORIGIN}/c/spring-${id}`);
  await expect(summary.getByRole('img', { name: `QR code for ${url}` })).toBeVisible();
  await expect(summary.getByText('0 opens · 0 conversations · 0 messages')).toBeVisible();
  await expectNoViolations(consolePage);

  const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await visitor.goto(`${url}?lang=fr-ca&campaign=spring`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Service client Demo Shop' })).toBeVisible();
  await expect(visitor.locator('html')).toHaveAttribute('lang', 'fr');
  const composer = visitor.getByRole('textbox', { name: 'Votre message' });
  await composer.fill(`Bonjour ${id}`);
  await composer.press('Enter');
  await expect(visitor.getByRole('log').getByText(`Bonjour ${id}`)).toBeVisible();
  await expect(visitor.getByText('Envoi…')).toHaveCount(0, { timeout: 20_000 });

  await consolePage.getByRole('button', { name: 'Refresh links and counts' }).click();
  await expect(summary.getByText('1 opens · 1 conversations · 1 messages')).toBeVisible();
  const row = consolePage.getByRole('row', { name: new RegExp(`Spring mailing ${id}`) });
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
});

test('the not-yet-active, expired, disabled and not-found screens in all nine languages: translated, axe-clean, focused', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = Math.random().toString(36).slice(2, 8);
  const page = await (await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo' })).newPage();
  for (const code of LOCALES) {
    const text = messages(code).errors;
    const soon = await agentCall('POST', '/links', { name: `soon ${code}`, locale: code, slug: `soon-${code}-${id}`, activeFrom: '2030-06-01T00:00:00Z' });
    await page.goto(`/c/${soon.link.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: text.link_not_yet_active.title })).toBeFocused();
    const when = await momentInBrowser(page, '2030-06-01T00:00:00Z', code);
    await expect(page.getByText(text.link_not_yet_active.body.replace('{{when}}', when), { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: text.checkAgain })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', BCP47[code] ?? code);
    await expectNoViolations(page);

    const past = await agentCall('POST', '/links', {
      name: `past ${code}`, locale: code, slug: `past-${code}-${id}`, activeFrom: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z',
    });
    await page.goto(`/c/${past.link.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: text.link_expired.title })).toBeFocused();
    await expectNoViolations(page);

    const off = await agentCall('POST', '/links', { name: `off ${code}`, locale: code, slug: `off-${code}-${id}` });
    await agentCall('DELETE', `/links/${off.link.id}`);
    await page.goto(`/c/${off.link.slug}`);
    await expect(page.getByRole('heading', { level: 1, name: text.link_disabled.title })).toBeFocused();
    await expectNoViolations(page);

    await page.goto(`/c/unknown-${id}?lang=${code}`);
    await expect(page.getByRole('heading', { level: 1, name: text.link_not_found.title })).toBeFocused();
    await expectNoViolations(page);
  }
});

test('at the use limit, in all nine languages: a new conversation is refused and the existing one is offered', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = Math.random().toString(36).slice(2, 8);
  for (const code of LOCALES) {
    const text = messages(code).errors;
    const composerLabel = chatMessages(code).composer.label;
    const { link } = await agentCall('POST', '/links', { name: `once ${code}`, locale: code, slug: `once-${code}-${id}`, perParticipantLimit: 1 });
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`/c/${link.slug}`);
    await page.getByRole('textbox', { name: composerLabel }).fill(`first ${code}`);
    await page.getByRole('textbox', { name: composerLabel }).press('Enter');
    await expect.poll(async () => (await agentCall('GET', `/links/${link.id}`)).link.totals.conversations).toBe(1);

    // The same device comes back without its open conversation (another tab, cleared history) and writes again.
    await page.evaluate(() => localStorage.removeItem('dc:demo_app:session'));
    await page.reload();
    await page.getByRole('textbox', { name: composerLabel }).fill(`second ${code}`);
    await page.getByRole('textbox', { name: composerLabel }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: text.link_limit_reached.title })).toBeFocused();
    await expect(page.getByText(text.link_limit_reached.body)).toBeVisible();
    await expectNoViolations(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: text.openConversation })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('log').getByText(`first ${code}`)).toBeVisible();
    expect((await agentCall('GET', `/links/${link.id}`)).link.totals).toMatchObject({ conversations: 1, messages: 1 });
    await context.close();
  }
});
