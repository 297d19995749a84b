import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_AGENT_TOKEN, E2E_ORIGIN } from './support/e2e-settings';

async function createAgent(body: object): Promise<string> {
  const response = await fetch(`${E2E_ORIGIN}/api/agent/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_AGENT_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function signIn(page: Page, token: string) {
  await page.goto('/console/');
  await page.getByLabel('Agent token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
}

const unique = () => Math.random().toString(36).slice(2, 8);

test('an agent of one app signs in with its personal token, is named in the header and sees only that app', async ({ page }) => {
  // The server hosts two apps: the owner is asked to choose.
  await signIn(page, E2E_AGENT_TOKEN);
  await expect(page.getByRole('heading', { name: 'Choose an app' })).toBeVisible();
  await expect(page.getByRole('button', { name: /demo_app/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /disabled_app/ })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  const id = unique();
  const token = await createAgent({ name: `ana-${id}`, displayName: `Ana ${id}`, role: 'agent', apps: ['demo_app'] });
  await signIn(page, token);
  await expect(page.getByText(`Signed in as Ana ${id} (agent)`)).toBeVisible();
  await expect(page.getByText(`Your name shown to visitors: Ana ${id}`)).toBeVisible();
  // One app only: no picker, no way to switch, straight to its conversations; no Agents section for the agent role.
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch app' })).toHaveCount(0);
  await expect(page.getByLabel('Your name shown to visitors')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
});

test('an admin creates an agent in the console; the agent signs in with the shown token and sees only the app given', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const id = unique();
  const adminToken = await createAgent({ name: `adi-${id}`, displayName: `Adi ${id}`, role: 'admin', apps: ['demo_app', 'disabled_app'] });
  await signIn(page, adminToken);
  await expect(page.getByText(`Signed in as Adi ${id} (admin)`)).toBeVisible();
  await page.getByRole('button', { name: 'Agents' }).click();
  await expect(page.getByRole('heading', { name: 'Agents' })).toBeFocused();
  await expectNoAxeViolations(page);

  const opener = page.getByRole('button', { name: 'New agent' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New agent' });
  await expect(dialog.getByLabel('Sign-in name')).toBeFocused();
  await expectNoAxeViolations(page);
  // Keyboard only from here: the form is usable without a pointer.
  await page.keyboard.type(`bo-${id}`);
  await page.keyboard.press('Tab');
  await page.keyboard.type(`Bo ${id}`);
  await dialog.getByLabel(/disabled_app/).check();
  await dialog.getByRole('button', { name: 'Create agent' }).press('Enter');

  const reveal = page.getByRole('dialog', { name: 'Agent created' });
  await expect(reveal.getByText('Store this token now: it is shown only this once.')).toBeVisible();
  const token = await reveal.getByLabel('Personal token').inputValue();
  expect(token).toMatch(/^dca_[A-Za-z0-9_-]+$/);
  await reveal.getByRole('button', { name: 'Copy' }).click();
  await expect(reveal.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(reveal).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(page.getByRole('listitem').filter({ hasText: `bo-${id}` })).toContainText('Active');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, token);
  await expect(page.getByText(`Signed in as Bo ${id} (agent)`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(page.locator('.console-header__app')).toHaveText('Demo Shop');
  await expect(page.getByRole('button', { name: 'Switch app' })).toHaveCount(0);
  const apps = await page.evaluate(async (bearer) => {
    const response = await fetch('/api/agent/apps', { headers: { Authorization: `Bearer ${bearer}` } });
    return ((await response.json()) as { apps: { appId: string }[] }).apps.map((app) => app.appId);
  }, token);
  expect(apps).toEqual(['disabled_app']);
});
