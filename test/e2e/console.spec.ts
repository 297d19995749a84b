import { expect, test } from '@playwright/test';
import { chatPage } from './support/chat-page';
import { E2E_AGENT_TOKEN } from './support/e2e-settings';
import { signedLink } from './support/signed-links';

test('the agent sees the verified badge in the console and replies from it; the customer sees the reply live', async ({ browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(signedLink({ sbs: `vip-${id}`, name: 'Ada Lovelace', vars: { order: `A-${id}` } }));
  const chat = chatPage(customer);
  const question = `Where is order A-${id}?`;
  await chat.send(question);
  await chat.expectSent();

  const console = await (await browser.newContext()).newPage();
  await console.goto('/console/');
  await console.getByLabel('Agent token').fill(E2E_AGENT_TOKEN);
  await console.getByRole('button', { name: 'Sign in' }).click();
  // The e2e server hosts several apps (see playwright.config.ts), so the console asks which one.
  await console.getByRole('button', { name: /demo_app/ }).click();
  await console.getByRole('button', { name: new RegExp(question.replace(/[?]/g, '\\?')) }).click();
  await expect(console.getByText('Verified customer')).toBeVisible();
  await expect(console.getByText(`vip-${id}`)).toBeVisible();
  await expect(console.getByText(`A-${id}`, { exact: true })).toBeVisible();

  const answer = `It left the warehouse this morning (${id}).`;
  await console.getByLabel('Reply').fill(answer);
  await console.getByLabel('Reply').press('Enter');
  await expect(chat.log.getByText(answer)).toBeVisible();

  const guest = await (await browser.newContext()).newPage();
  await guest.goto('/direct/demo_app');
  const guestQuestion = `A guest asks ${id}`;
  await chatPage(guest).send(guestQuestion);
  await console.getByRole('button', { name: new RegExp(guestQuestion) }).click();
  await expect(console.getByText('Not verified')).toBeVisible();
});
