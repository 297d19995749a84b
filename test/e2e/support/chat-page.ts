import { expect, type Page } from '@playwright/test';

/** The customer's page, in English, located the way a person finds things. */
export function chatPage(page: Page) {
  const composer = page.getByRole('textbox', { name: 'Your message' });
  const log = page.getByRole('log');
  return {
    composer,
    log,
    async send(text: string) {
      await composer.fill(text);
      await composer.press('Enter');
    },
    /** The texts of the messages in the live log, in order. */
    async texts(): Promise<string[]> {
      return log.locator('li .bubble__text, li .link-card__title').allTextContents();
    },
    async expectTexts(expected: string[], timeout = 20_000) {
      await expect.poll(async () => (await this.texts()).filter((text) => expected.includes(text)), { timeout }).toEqual(expected);
    },
    /** Opens the header's menu (named "Menu" in English) and picks an item: a command or a language. */
    async fromMenu(item: string, menuName = 'Menu') {
      await page.getByRole('button', { name: menuName }).click();
      await page.locator('#chat-menu').getByRole('button', { name: item }).click();
    },
    async expectSent() {
      await expect(page.getByText('Sending…')).toHaveCount(0, { timeout: 20_000 });
    },
  };
}
