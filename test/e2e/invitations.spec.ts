// Issue 11 end to end: participants imported by CSV in the console, an email invitation in French created, previewed
// and sent there; a real SMTP server receives the mail, Chromium opens its link, chats in French, and the console's
// monitoring shows the response.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { E2E_AGENT_TOKEN, E2E_SMTP_PORT, E2E_SPARE_PORT } from './support/e2e-settings';
import { ServerProcess } from './support/server-process';

const mails: ParsedMail[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, done) {
    simpleParser(stream).then(
      (mail) => {
        mails.push(mail);
        done();
      },
      (error: Error) => done(error),
    );
  },
});
const server = new ServerProcess(E2E_SPARE_PORT, {
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  DIRECT_CHAT_MAIL_FROM: 'Demo Shop <hello@shop.example>',
  DIRECT_CHAT_INVITATION_RATE: '50',
});

test.beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(E2E_SMTP_PORT, '127.0.0.1', () => resolve());
  });
  await server.start();
});
test.afterAll(async () => {
  await server.kill();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('participants by CSV, an email invitation in French, the mail, the chat in French, "responded" in the console', async ({ browser }) => {
  test.setTimeout(120_000);
  const id = Math.random().toString(36).slice(2, 8);
  const agent = await (await browser.newContext({ baseURL: server.origin })).newPage();
  await agent.goto('/console/');
  await agent.getByLabel('Agent token').fill(E2E_AGENT_TOKEN);
  await agent.getByRole('button', { name: 'Sign in' }).click();

  // Participants: a CSV with a French and an English participant and one attribute column, imported in the console.
  await agent.getByRole('button', { name: 'Participants', exact: true }).click();
  const csv = ['external_id,email,phone,locale,subscribed,first_name', `ana-${id},ana-${id}@example.com,,fr,true,Ana`, `bob-${id},bob-${id}@example.com,,en,true,Bob`].join('\r\n');
  await agent.getByLabel('Import a CSV file').setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = agent.getByRole('region', { name: 'Import of participants.csv' });
  await expect(report.getByRole('listitem')).toHaveText(['2 created', '0 updated', '0 rejected']);

  // The invitation: French first, only French speakers, by email.
  await agent.getByRole('button', { name: 'Invitations', exact: true }).click();
  await expect(agent.getByText('No invitations yet. Create one to reach your participants.')).toBeVisible();
  await expectNoViolations(agent);
  await agent.getByRole('button', { name: 'New invitation' }).click();
  await expect(agent.getByText(/Choose the engagement language above/)).toBeVisible();
  await agent.getByLabel('Engagement language').selectOption({ label: 'French' });
  await agent.getByLabel('Name', { exact: true }).fill(`Relance ${id}`);
  await agent.getByRole('checkbox', { name: 'Only participants whose preferred language is French' }).check();
  await agent.getByLabel('Subject (French)').fill('Bonjour {{first_name}}');
  await agent.getByLabel('Message (French)').fill('Une question ? Écrivez-nous ici : {{link}}');
  await expectNoViolations(agent);
  await agent.getByRole('button', { name: 'Save draft' }).click();

  const panel = agent.getByRole('complementary', { name: `Relance ${id}` });
  await expect(panel.getByText('Draft')).toBeVisible();
  await panel.getByLabel('Preview for participant (external id)').fill(`ana-${id}`);
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByRole('figure', { name: `Message for ana-${id}` })).toContainText('Subject: Bonjour Ana');
  await panel.getByRole('button', { name: 'Send…' }).click();
  const confirm = agent.getByRole('dialog', { name: `Send “Relance ${id}”?` });
  await expect(confirm).toContainText('only those whose preferred language is French');
  await confirm.getByRole('button', { name: 'Send by email' }).click();

  // The mail, as the SMTP server received it: to Ana only, in French, with the one-click unsubscribe headers.
  await expect.poll(() => mails.length, { timeout: 30_000 }).toBe(1);
  const [mail] = mails;
  expect(mail.subject).toBe('Bonjour Ana');
  expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text).toBe(`ana-${id}@example.com`);
  const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
  expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  expect(header('list-unsubscribe')).toMatch(new RegExp(`^<${server.origin}/u/[A-Za-z0-9_-]+>$`));
  const link = mail.text?.match(/https?:\/\/\S+/)?.[0];
  expect(link).toBeDefined();
  expect(link!.startsWith(server.origin)).toBe(true);

  // The monitoring: Ana sent, Bob skipped for his language; an axe check on the panel.
  await expect(panel.locator('.delivery-counts__item--skipped dd')).toHaveText('1', { timeout: 15_000 });
  await expect(panel.getByText(`bob-${id}: Preferred language does not match`)).toBeVisible();
  await expectNoViolations(agent);

  // Ana opens her mail's link in a browser set to English: the chat is in French, the invitation's language.
  const customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await customer.goto(link!);
  await expect(customer.locator('html')).toHaveAttribute('lang', 'fr');
  const composer = customer.getByRole('textbox', { name: 'Votre message' });
  await composer.fill(`Bonjour, ici Ana ${id}`);
  await composer.press('Enter');
  await expect(customer.getByRole('log').getByText(`Bonjour, ici Ana ${id}`)).toBeVisible();
  await expect(customer.getByText('Envoi…')).toHaveCount(0, { timeout: 20_000 });

  // Back in the console: the response is counted and on Ana's timeline.
  await expect(async () => {
    await panel.getByRole('button', { name: 'Refresh invitation' }).click();
    await expect(panel.locator('.delivery-counts__item--responded dd')).toHaveText('1', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await panel.getByText(`ana-${id}`, { exact: true }).click();
  await expect(panel.getByRole('list', { name: `Timeline of ana-${id}` })).toContainText('Started a conversation');
  await expect(agent.getByRole('row', { name: new RegExp(`Relance ${id}`) })).toContainText('French');
});
