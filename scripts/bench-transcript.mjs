// `npm run bench:transcript`: how the chat page holds up with a long transcript. Needs a build (npm run build).
// For each transcript size it seeds a conversation through the real API of the built server, opens it in Chromium,
// pages every message in with "Show earlier messages", then measures: an agent message from POST to paint, a
// keystroke from keydown to the next frame, one more "show earlier" page, and the longest long task meanwhile.
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { startReferenceServer } from './support/reference-server.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4423);
const SIZES = [50, 10_000];
const KEYSTROKES = 20;
const LIVE_MESSAGES = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function seedConversation(origin, agent, count) {
  const json = { 'Content-Type': 'application/json' };
  const created = await (await fetch(`${origin}/api/apps/demo_app/visitors`, { method: 'POST', headers: json, body: '{"locale":"en"}' })).json();
  const auth = { ...json, Authorization: `Bearer ${created.visitorToken}` };
  const { session } = await (await fetch(`${origin}/api/apps/demo_app/sessions`, { method: 'POST', headers: auth, body: '{}' })).json();
  // One more page than is paged in, so a last "show earlier" is left to measure.
  for (let seq = 1; seq <= count + 50; seq++) {
    const text = `Message ${seq}: see https://shop.example/orders/${seq} for the details of this order.`;
    if (seq % 3 === 0) {
      const body = JSON.stringify({ clientId: `bench-visitor-${seq}`, text });
      const response = await fetch(`${origin}/api/apps/demo_app/sessions/${session.id}/messages`, { method: 'POST', headers: auth, body });
      if (!response.ok) throw new Error(`visitor send: ${response.status}`);
    } else await agent.say(session.id, text, seq % 2 ? 'Sam Carter' : 'Ana Souza');
  }
  return { token: created.visitorToken, sessionId: session.id };
}

/**
 * The CPU time of the longest task on the page's main thread, from a Chrome trace: on a shared machine a long task's
 * wall time includes the time the thread waited for a core (several times its CPU time at a load of 10 to 20), so this
 * says what the page itself costs.
 */
function longestTaskCpuMs(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts);
  let longest = 0;
  let end = -1;
  for (const task of tasks) {
    if (task.ts < end) continue; // nested in the task before
    end = task.ts + task.dur;
    longest = Math.max(longest, (task.tdur ?? 0) / 1000);
  }
  return longest;
}
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

async function measure(browser, server, size) {
  const { token, sessionId } = await seedConversation(server.origin, server.agent, size);
  const context = await browser.newContext({ viewport: { width: 390, height: 780 } });
  await context.addInitScript(
    ([token, sessionId]) => {
      localStorage.setItem('dc:demo_app:token', token);
      localStorage.setItem('dc:demo_app:session', sessionId);
      window.longTasks = [];
      // Counted once per page, never polled: even a live collection walks the whole document again after each change
      // (querySelectorAll over 10,000 bubbles, polled every frame, once made most of the long tasks measured here).
      // While waiting, the probe is whether the first bubble is a new one: history joins at the top.
      window.bubbles = document.getElementsByClassName('bubble-row');
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
      /** Resolves with the time (ms since the epoch) of the first frame after `ready()` holds. */
      window.paintedWhen = (ready) =>
        new Promise((resolve) => {
          const check = () => {
            if (!ready()) return requestAnimationFrame(check);
            requestAnimationFrame(() => setTimeout(() => resolve(performance.timeOrigin + performance.now())));
          };
          check();
        });
    },
    [token, sessionId],
  );
  const page = await context.newPage();
  await page.goto(`${server.origin}/direct/demo_app?lang=en`);
  const items = () => page.evaluate(() => window.bubbles.length);
  await page.locator('.bubble-row').first().waitFor();

  // Page everything in, the way a visitor would (but faster): one "show earlier" after another. Long tasks of the
  // page's own start are not counted.
  await page.waitForTimeout(500);
  await page.evaluate(() => (window.longTasks = []));
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const pageTimes = [];
  while ((await items()) < size) {
    const clicked = Date.now();
    // A script click: scrolling the button into view would itself load the next page (scrolling up does).
    await page.evaluate(() => {
      window.firstBubble = document.querySelector('.bubble-row');
      document.querySelector('.message-list__earlier-button').click();
    });
    await page.waitForFunction(() => document.querySelector('.bubble-row') !== window.firstBubble, undefined, { timeout: 30_000 });
    pageTimes.push(Date.now() - clicked);
  }
  const pagingMs = pageTimes.length > 0 ? median(pageTimes) : 0;
  const pagingLongest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  const pagingLongestCpu = longestTaskCpuMs(await browser.stopTracing());
  await page.evaluate(() => (window.longTasks = []));
  await page.waitForTimeout(500);

  // One more "show earlier", from click to the frame that shows the page.
  const shown = await items();
  const showEarlierMs = await page.evaluate(async () => {
    const start = performance.timeOrigin + performance.now();
    const first = document.querySelector('.bubble-row');
    document.querySelector('.message-list__earlier-button').click();
    return (await window.paintedWhen(() => document.querySelector('.bubble-row') !== first)) - start;
  });
  // Back to the newest message, where a live one arrives.
  await page.evaluate(() => {
    const scroller = document.querySelector('.message-list__scroller');
    scroller.scrollTop = scroller.scrollHeight;
  });
  await page.waitForTimeout(300);

  const live = [];
  for (let index = 0; index < LIVE_MESSAGES; index++) {
    const text = `live ${size} ${index} ${Date.now()}`;
    // The log is looked up once: querySelector('[role=log]'), polled every frame, walks past every history bubble
    // first (the log comes after them), which at 10,000 messages cost the frame more than the message itself.
    const painted = page.evaluate((text) => {
      let log = document.querySelector('[role=log]');
      return window.paintedWhen(() => {
        if (!log?.isConnected) log = document.querySelector('[role=log]');
        return log?.textContent.includes(text);
      });
    }, text);
    const posted = Date.now();
    await server.agent.say(sessionId, text);
    live.push((await painted) - posted);
    await page.waitForTimeout(150);
  }

  await page.evaluate(() => {
    window.keystrokes = [];
    document.addEventListener('keydown', (event) =>
      requestAnimationFrame(() => setTimeout(() => window.keystrokes.push(performance.now() - event.timeStamp))),
    );
  });
  await page.getByRole('textbox', { name: 'Your message' }).focus();
  for (let index = 0; index < KEYSTROKES; index++) {
    await page.keyboard.press(String.fromCharCode(97 + (index % 26)));
    await page.waitForTimeout(60);
  }
  const keystrokes = await page.evaluate(() => window.keystrokes);
  const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  await context.close();
  return { size, shown, pagingMs, pagingLongest, pagingLongestCpu, showEarlierMs, liveMs: median(live), keystrokeMs: median(keystrokes), longest };
}

const server = await startReferenceServer(PORT);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const results = [];
  for (const size of SIZES) {
    results.push(await measure(browser, server, size));
    console.error(`measured ${size}`);
  }
  const [small, large] = results;
  const row = (label, key, goal) =>
    `| ${label} | ${small[key].toFixed(1)} ms | ${large[key].toFixed(1)} ms | ${(large[key] / small[key]).toFixed(2)}x | ${goal} |`;
  console.log(`| measure (median) | ${small.size} messages | ${large.size.toLocaleString('en')} messages | ratio | goal |`);
  console.log('|---|---|---|---|---|');
  console.log(row('live agent message, POST to paint', 'liveMs', 'within 2x'));
  console.log(row('keystroke in the message box, keydown to next frame', 'keystrokeMs', 'within 2x'));
  console.log(row('"show earlier" while paging everything in, click to DOM (median)', 'pagingMs', '—'));
  console.log(row('"show earlier", click to paint', 'showEarlierMs', '—'));
  console.log(row('longest long task while measuring', 'longest', 'none over 100 ms'));
  console.log(row('longest long task while paging everything in', 'pagingLongest', 'none over 100 ms'));
  console.log(row('longest task while paging everything in, CPU time of the main thread (from a trace)', 'pagingLongestCpu', '—'));
  console.log(`\nload average ${loadavg().map((load) => load.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  const ok = large.liveMs <= 2 * small.liveMs && large.keystrokeMs <= 2 * small.keystrokeMs && large.longest <= 100 && large.pagingLongest <= 100;
  console.log(ok ? '\nGoals met.' : '\nGoals NOT met.');
  process.exitCode = ok ? 0 : 1;
} finally {
  await browser.close();
  await server.stop();
}
