// Screenshots of the main screens for docs/screenshots/: `node scripts/screenshots.mjs <before|after> [port]`.
// Needs a build (npm run build). Starts its own reference server with a fresh database.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { startReferenceServer } from './support/reference-server.mjs';

const [tag = 'after', port = '4422'] = process.argv.slice(2);
const SHOTS = [
  ['chat', 320],
  ['chat', 390],
  ['chat', 1280],
  ['welcome', 320],
  ['welcome', 1280],
  ['error', 390],
];
const HEIGHT = { 320: 640, 390: 780, 1280: 800 };

const server = await startReferenceServer(Number(port));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
mkdirSync('docs/screenshots', { recursive: true });
try {
  // One conversation with an agent's replies and a link card, reopened at every width.
  const context = await browser.newContext({ viewport: { width: 390, height: 780 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/direct/demo_app?lang=en`);
  const composer = page.getByRole('textbox', { name: 'Your message' });
  for (const text of ['Hi! Where is my order #1042?', 'It was due on Monday.']) {
    await composer.fill(text);
    await composer.press('Enter');
  }
  await page.getByText('Sending…').waitFor({ state: 'detached' }).catch(() => undefined);
  const [session] = await server.agent.sessions();
  await server.agent.say(session.id, 'Hello! Let me check that for you.');
  await server.agent.say(session.id, 'It left our warehouse this morning; here is the tracking page:');
  await server.agent.sendLink(session.id, {
    url: 'https://shop.example/orders/1042',
    title: 'Order #1042: on its way',
    description: 'Arrives Thursday',
  });
  await page.getByText('Order #1042: on its way').waitFor();
  const chatUrl = page.url();

  for (const [screen, width] of SHOTS) {
    const shotContext = screen === 'chat' ? context : await browser.newContext();
    const shot = await shotContext.newPage();
    await shot.setViewportSize({ width, height: HEIGHT[width] });
    const url = { chat: chatUrl, welcome: `${server.origin}/direct/demo_app?lang=en`, error: `${server.origin}/direct/no_such_app` }[screen];
    await shot.goto(url);
    await shot.getByRole('heading', { level: 1 }).waitFor();
    if (screen === 'chat') await shot.getByText('Order #1042: on its way').waitFor();
    await shot.waitForTimeout(300);
    await shot.screenshot({ path: `docs/screenshots/${tag}-${screen}-${width}.png` });
    await shot.close();
    if (shotContext !== context) await shotContext.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
