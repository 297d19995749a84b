import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_AGENT_TOKEN } from './support/e2e-settings';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test('an owner imports participants from a CSV file with the keyboard, reads the report, and finds them', async ({ page }, testInfo) => {
  const id = Math.random().toString(36).slice(2, 8);
  const csv = [
    '\uFEFFexternal_id,email,phone,locale,subscribed,plan,city',
    `ann-${id},ann.${id}@example.com,+33 6 12 34 56 78,fr-CA,yes,gold,"Paris, FR"`,
    `bob-${id},not-an-email,,,,silver,Lyon`,
    `cy-${id},cy.${id}@example.com,+4915112345678,de,no,,"Berlin`,
    `Mitte"`,
    `dee-${id},,,tlh,,,`,
  ].join('\r\n');

  await page.goto('/console/');
  await page.getByLabel('Agent token').fill(E2E_AGENT_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /demo_app/ }).click();
  await page.getByRole('button', { name: 'Participants', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Participants', exact: true })).toBeVisible();

  // The file input is reached with Tab like any control; the file chooser opens from the keyboard.
  // Listening for the chooser before focusing gives Playwright's interception time to reach the browser: a key press
  // is a single message and can overtake it.
  const chooser = page.waitForEvent('filechooser');
  const input = page.getByLabel('Import a CSV file');
  await input.focus();
  await expect(input).toBeFocused();
  await page.keyboard.press('Space');
  await (await chooser).setFiles({ name: `people-${id}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const heading = page.getByRole('heading', { name: `Import of people-${id}.csv` });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Import finished: 2 created, 0 updated, 2 rejected.');
  const rejected = page.getByRole('table', { name: /Rejected rows/ });
  await expect(rejected.getByRole('row')).toHaveText([/Line.*Reason/, new RegExp(`^3bob-${id}email`), new RegExp(`^6dee-${id}locale`)]);

  await page.getByRole('searchbox', { name: 'Search by id, email or phone' }).fill(id);
  const list = page.getByRole('table', { name: 'Participants, newest first' });
  await expect(list.getByRole('rowheader')).toHaveText([`ann-${id}`, `cy-${id}`]);
  await expect(list.getByRole('row', { name: new RegExp(`ann-${id}`) }).getByRole('cell')).toHaveText([
    `ann.${id}@example.com`,
    '+33612345678',
    'French',
    'Yes',
    'Never',
  ]);
  await expectNoViolations(page);

  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    await expectNoViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`participants-${width}.png`), fullPage: true });
  }
});
