// Fault injection: every test counts messages on both sides. Nothing lost, nothing twice, order kept.
import { expect, test, type Page } from '@playwright/test';
import { AgentApi } from './support/agent-api';
import { chatPage } from './support/chat-page';
import { ServerProcess } from './support/server-process';
import { E2E_SPARE_PORT } from './support/e2e-settings';

const agent = new AgentApi();
const run = () => Math.random().toString(36).slice(2, 8);

/** Starts a conversation and returns its id on the agent's side. */
async function startConversation(page: Page, api: AgentApi, text: string): Promise<string> {
  await chatPage(page).send(text);
  return (await api.sessionWith(text)).id;
}

async function expectExactlyOnce(api: AgentApi, sessionId: string, role: 'visitor' | 'agent', expected: string[]) {
  await expect
    .poll(async () => (await api.messages(sessionId)).filter((m) => m.author.role === role && expected.includes(m.text ?? '')).map((m) => m.text), {
      timeout: 30_000,
    })
    .toEqual(expected);
}

test('offline mid-conversation: five messages wait, then go out once and in order', async ({ page, context }) => {
  const id = run();
  await page.goto('/direct/demo_app');
  const chat = chatPage(page);
  const sessionId = await startConversation(page, agent, `start ${id}`);
  await expect(page.getByText('Sending…')).toHaveCount(0);

  await context.setOffline(true);
  await expect(page.getByText("You're offline", { exact: false })).toBeVisible();
  const texts = [1, 2, 3, 4, 5].map((n) => `offline ${n} ${id}`);
  for (const text of texts) await chat.send(text);
  await expect(page.getByText('Sending…')).toHaveCount(5);
  await expect(page.getByText('5 messages are waiting to be sent.', { exact: false })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText("You're back online.")).toBeVisible();
  await chat.expectSent();
  await expectExactlyOnce(agent, sessionId, 'visitor', [`start ${id}`, ...texts]);
  await chat.expectTexts([`start ${id}`, ...texts]);
});

test('the server restarts while the agent sends: the page catches up, every message once', async ({ browser }) => {
  const server = new ServerProcess(E2E_SPARE_PORT);
  await server.start();
  const api = new AgentApi(server.origin);
  const context = await browser.newContext({ baseURL: server.origin });
  const page = await context.newPage();
  try {
    const id = run();
    await page.goto('/direct/demo_app');
    const chat = chatPage(page);
    const sessionId = await startConversation(page, api, `hello ${id}`);
    const before = [1, 2, 3].map((n) => `before restart ${n} ${id}`);
    for (const text of before) await api.say(sessionId, text);
    await chat.expectTexts(before);

    await server.kill();
    const whileDown = `sent while the server was down ${id}`;
    await chat.send(whileDown);
    await server.start();
    const after = [1, 2, 3, 4, 5].map((n) => `after restart ${n} ${id}`);
    for (const text of after) await api.say(sessionId, text);

    await chat.expectTexts([...before, ...after], 40_000);
    await chat.expectSent();
    await expectExactlyOnce(api, sessionId, 'visitor', [`hello ${id}`, whileDown]);
    await expectExactlyOnce(api, sessionId, 'agent', [...before, ...after]);
    const serverOrder = (await api.messages(sessionId)).map((m) => m.text ?? '');
    await expect.poll(() => chat.texts(), { timeout: 30_000 }).toEqual(serverOrder);
  } finally {
    await context.close();
    await server.kill();
  }
});

test('the stream is cut 20 times while both sides send: nothing lost, nothing twice, order kept', async ({ page }) => {
  test.setTimeout(120_000);
  const id = run();
  await page.goto('/direct/demo_app');
  const chat = chatPage(page);
  const sessionId = await startConversation(page, agent, `cut ${id}`);
  const fromVisitor: string[] = [];
  const fromAgent: string[] = [];
  for (let cut = 1; cut <= 20; cut++) {
    const visitorText = `visitor ${cut} ${id}`;
    const agentText = `agent ${cut} ${id}`;
    fromVisitor.push(visitorText);
    fromAgent.push(agentText);
    await chat.send(visitorText);
    await agent.say(sessionId, agentText);
    await agent.dropStreams();
    await page.waitForTimeout(50 + Math.floor(Math.random() * 150));
  }
  await chat.expectSent();
  await expectExactlyOnce(agent, sessionId, 'visitor', [`cut ${id}`, ...fromVisitor]);
  await expectExactlyOnce(agent, sessionId, 'agent', fromAgent);
  const serverOrder = (await agent.messages(sessionId)).map((m) => m.text ?? '');
  await expect.poll(async () => chatPage(page).texts(), { timeout: 30_000 }).toEqual(serverOrder);
});

test('a reload with unsent messages in the outbox sends them once, in order', async ({ page }) => {
  const id = run();
  await page.goto('/direct/demo_app');
  const chat = chatPage(page);
  const sessionId = await startConversation(page, agent, `first ${id}`);
  await chat.expectSent();
  await page.route('**/messages', (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback()));
  const queued = [1, 2, 3].map((n) => `queued ${n} ${id}`);
  for (const text of queued) await chat.send(text);
  await expect(page.getByText('Sending…')).toHaveCount(3);
  await page.unroute('**/messages');
  await page.reload();
  await chat.expectSent();
  await expectExactlyOnce(agent, sessionId, 'visitor', [`first ${id}`, ...queued]);
  await chat.expectTexts([`first ${id}`, ...queued]);
});

test('two tabs of the same visitor see every message once', async ({ context }) => {
  const id = run();
  const left = await context.newPage();
  await left.goto('/direct/demo_app');
  const sessionId = await startConversation(left, agent, `left opens ${id}`);
  const right = await context.newPage();
  await right.goto('/direct/demo_app');
  await chatPage(right).expectTexts([`left opens ${id}`]);

  const expected = [`left opens ${id}`];
  for (let n = 1; n <= 3; n++) {
    for (const [tab, name] of [[left, 'left'], [right, 'right']] as const) {
      const text = `${name} ${n} ${id}`;
      expected.push(text);
      await chatPage(tab).send(text);
      await chatPage(tab).expectSent();
    }
    const reply = `agent ${n} ${id}`;
    expected.push(reply);
    await agent.say(sessionId, reply);
  }
  await chatPage(left).expectTexts(expected);
  await chatPage(right).expectTexts(expected);
  for (const tab of [left, right]) {
    const texts = await chatPage(tab).texts();
    expect(new Set(texts).size).toBe(texts.length);
  }
  await expectExactlyOnce(agent, sessionId, 'visitor', expected.filter((t) => !t.startsWith('agent')));
});
