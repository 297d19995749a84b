import { expect, test } from '@playwright/test';
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

test('an agent of one app signs in with its personal token, is named in the header and sees only that app', async ({ page }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const token = await createAgent({ name: `ana-${id}`, displayName: `Ana ${id}`, role: 'agent', apps: ['demo_app'] });

  await page.goto('/console/');
  await page.getByLabel('Agent token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as Ana ${id} (agent)`)).toBeVisible();
  await expect(page.getByText(`Your name shown to visitors: Ana ${id}`)).toBeVisible();
  // One app only: no picker, no way to switch, straight to its conversations.
  await expect(page.getByRole('heading', { name: 'Conversations' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch app' })).toHaveCount(0);
  await expect(page.getByLabel('Your name shown to visitors')).toHaveCount(0);
});
