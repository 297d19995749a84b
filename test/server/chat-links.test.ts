import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { agent, call, newVisitor, sendText, signedIdentity } from './support/api-client';
import { createFakeDist } from './support/fake-dist';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let dist: { root: string; distDir: string };
const T0 = Date.parse('2026-12-01T12:00:00Z');
let clock = T0;
let tick = 0;

beforeAll(async () => {
  dist = createFakeDist();
  server = await startTestServer({ distDir: dist.distDir });
  // The injected clock: every rule that reads the time reads this.
  // A millisecond more at every reading, like the system clock, so creations keep their order.
  server.context.clock = { now: () => new Date(clock + tick++).toISOString() };
});
afterAll(async () => {
  await server?.destroy();
  rmSync(dist.root, { recursive: true, force: true });
});

const createLink = (body: unknown) => agent(server.url, '/apps/demo_app/links', { body });
const patchLink = (id: string, body: unknown) => agent(server.url, `/apps/demo_app/links/${id}`, { method: 'PATCH', body });
const linkConfig = (slug: string, locale = 'en') => call(server.url, `/api/links/${slug}/config?locale=${locale}`);
const startFromLink = (token: string, link: string) => call(server.url, '/api/apps/demo_app/sessions', { token, body: { link } });
async function linkDetail(id: string) {
  const answer = await agent(server.url, `/apps/demo_app/links/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('agent API: create, validate, list', () => {
  it('creates a link with a generated slug and a short URL on the server origin', async () => {
    const answer = await createLink({ name: 'Newsletter', locale: '*' });
    expect(answer.status).toBe(201);
    const { link } = answer.body;
    expect(link.slug).toMatch(/^[abcdefghjkmnpqrstuvwxyz23456789]{8}$/);
    expect(link.url).toBe(`${server.url}/c/${link.slug}`);
    expect(link).toMatchObject({ name: 'Newsletter', locale: '*', state: 'active', disabled: false, totals: { opens: 0, conversations: 0, messages: 0 } });
    expect(link.id).toMatch(/^l_/);
  });

  it('refuses bad input with 400 naming the field, never a 500', async () => {
    const cases: [unknown, RegExp][] = [
      [{ locale: 'en' }, /name: Give the link a name/],
      [{ name: 'x', locale: 'ja' }, /locale: Choose one of the app's languages/],
      [{ name: 'x', locale: 'en', slug: 'Bad Slug' }, /slug: Use only lower-case/],
      [{ name: 'x', locale: 'en', slug: 'console' }, /slug: This word is reserved/],
      [{ name: 'x', locale: 'en', slug: 'zh-tw' }, /slug: This word is reserved/],
      [{ name: 'x', locale: 'en', perParticipantLimit: -1 }, /perParticipantLimit/],
      [{ name: 'x', locale: 'en', activeFrom: '2026-12-02T00:00Z', expiresAt: '2026-12-01T00:00Z' }, /expiresAt: The link must expire after/],
      [{ name: 'x', locale: 'en', clicks: 1 }, /Unknown field "clicks"/],
      [[1, 2], /./],
      ['"text"', /./],
    ];
    for (const [body, message] of cases) {
      const answer = await createLink(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
      expect(answer.body.error.message).toMatch(message);
    }
  });

  it('a slug is unique per server: 409 slug_taken', async () => {
    expect((await createLink({ name: 'A', locale: 'en', slug: 'summer' })).status).toBe(201);
    const again = await createLink({ name: 'B', locale: 'en', slug: 'summer' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('slug_taken');
  });

  it('needs an owner or admin of the app: an agent is 403, an admin of another app sees no such app', async () => {
    expect((await call(server.url, '/api/agent/apps/demo_app/links')).status).toBe(401);
    expect((await call(server.url, '/api/agent/apps/demo_app/links', { token: 'nope-nope-nope-nope', body: { name: 'x', locale: 'en' } })).status).toBe(401);
    expect((await agent(server.url, '/apps/no_such_app/links')).status).toBe(404);
    expect((await agent(server.url, '/apps/demo_app/links/l_missing')).body.error.code).toBe('link_not_found');
    expect((await agent(server.url, '/apps/demo_app/links/not-an-id')).body.error.code).toBe('link_not_found');

    const account = (body: object) => agent(server.url, '/agents', { body }).then((answer) => answer.body.token as string);
    const agentToken = await account({ name: 'links-agent', displayName: 'Al', role: 'agent', apps: ['demo_app'] });
    const adminToken = await account({ name: 'links-admin', displayName: 'Ada', role: 'admin', apps: ['demo_app'] });
    const partnerAdmin = await account({ name: 'partner-admin', displayName: 'Pat', role: 'admin', apps: ['partner_app'] });
    for (const [method, path] of [['GET', '/apps/demo_app/links'], ['POST', '/apps/demo_app/links']] as const) {
      const refused = await agent(server.url, path, { method, token: agentToken, body: method === 'POST' ? { name: 'x', locale: 'en' } : undefined });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    }
    const byAdmin = await agent(server.url, '/apps/demo_app/links', { token: adminToken, body: { name: 'By admin', locale: 'en' } });
    expect(byAdmin.status).toBe(201);
    expect((await agent(server.url, '/apps/demo_app/links', { token: partnerAdmin })).body.error.code).toBe('app_not_found');
    expect((await agent(server.url, `/apps/demo_app/links/${byAdmin.body.link.id}`, { method: 'DELETE', token: adminToken })).status).toBe(200);
  });

  it('lists the app links newest first with their counts', async () => {
    const answer = await agent(server.url, '/apps/demo_app/links');
    expect(answer.status).toBe(200);
    expect(answer.body.links.map((l: { name: string }) => l.name).slice(0, 3)).toEqual(['By admin', 'A', 'Newsletter']);
    expect(answer.body.links[0].totals).toEqual({ opens: 0, conversations: 0, messages: 0 });
    expect(answer.body.links[0]).toMatchObject({ disabled: true, state: 'disabled' });
  });
});

describe('opening a link', () => {
  it('a fixed-locale link brands in its locale whatever is asked; a multilingual one in the asked one', async () => {
    const fixed = (await createLink({ name: 'DE', locale: 'de', slug: 'herbst' })).body.link;
    const fixedAnswer = await linkConfig(fixed.slug, 'en');
    expect(fixedAnswer.status).toBe(200);
    expect(fixedAnswer.body.link).toEqual({ slug: 'herbst', appId: 'demo_app', locale: 'de', state: 'active' });
    expect(fixedAnswer.body.app.branding.title).toBe('Demo Shop Kundenservice');
    const multi = (await createLink({ name: 'All', locale: '*', slug: 'all-langs' })).body.link;
    expect((await linkConfig(multi.slug, 'de')).body.app.branding.title).toBe('Demo Shop Kundenservice');
    expect((await linkConfig(multi.slug, 'fr')).body.app.branding.title).toBe('Demo Shop Support');
  });

  it('an unknown or malformed slug is 404 link_not_found', async () => {
    for (const slug of ['no-such-link', 'API', '%3Cx%3E', 'a']) {
      const answer = await linkConfig(slug);
      expect(answer.status, slug).toBe(404);
      expect(answer.body.error.code).toBe('link_not_found');
    }
  });

  it('a renamed slug keeps answering with the new one; old slugs stay reserved to it', async () => {
    const link = (await createLink({ name: 'Flyer', locale: 'en', slug: 'flyer-2026' })).body.link;
    const renamed = await patchLink(link.id, { slug: 'flyer-spring' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.link.url).toBe(`${server.url}/c/flyer-spring`);
    expect((await linkConfig('flyer-2026')).body.link.slug).toBe('flyer-spring');
    expect((await linkConfig('flyer-spring')).body.link.slug).toBe('flyer-spring');
    expect((await createLink({ name: 'Thief', locale: 'en', slug: 'flyer-2026' })).status).toBe(409);
    expect((await patchLink(link.id, { slug: 'flyer-2026' })).status).toBe(200);
    const other = (await createLink({ name: 'Other', locale: 'en' })).body.link;
    expect((await patchLink(other.id, { slug: 'flyer-spring' })).status).toBe(409);
  });

  it('the page at /c/<slug> is served, naming a fixed-locale link language; the unknown one still gets the page', async () => {
    const page = await call(server.url, '/c/herbst');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<meta name="direct-chat:link-locale" content="de" />');
    const multi = await call(server.url, '/c/all-langs');
    expect(multi.status).toBe(200);
    expect(multi.text).not.toContain('link-locale');
    const unknown = await call(server.url, '/c/nothing-here');
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('chat page');
    expect(unknown.headers.get('link')).toBeNull();
  });

  it('the page at /c/<slug> announces the config call the page makes, like /direct/<appId> does', async () => {
    const fixed = await call(server.url, '/c/herbst?lang=fr', { headers: { 'accept-language': 'en' } });
    expect(fixed.headers.get('link')).toBe('</api/links/herbst/config?locale=de>; rel=preload; as=fetch; crossorigin');
    const multi = await call(server.url, '/c/all-langs?lang=fr-ca');
    expect(multi.headers.get('link')).toBe('</api/links/all-langs/config?locale=fr>; rel=preload; as=fetch; crossorigin');
    const direct = await call(server.url, '/direct/demo_app?lang=fr-ca');
    expect(direct.headers.get('link')).toBe('</api/apps/demo_app/config?locale=fr>; rel=preload; as=fetch; crossorigin');
  });
});

describe('timeframe, with an injected clock', () => {
  it('not yet active → active → expired; disabled wins; only an active link starts conversations', async () => {
    clock = T0;
    const link = (
      await createLink({ name: 'Sale', locale: 'en', slug: 'black-friday', activeFrom: '2026-12-05T08:00:00Z', expiresAt: '2026-12-06T00:00:00+01:00' })
    ).body.link;
    expect(link).toMatchObject({ state: 'not_yet_active', activeFrom: '2026-12-05T08:00:00.000Z', expiresAt: '2026-12-05T23:00:00.000Z' });
    const { visitorToken } = await newVisitor(server.url);
    expect((await linkConfig('black-friday')).body.link).toMatchObject({ state: 'not_yet_active', activeFrom: '2026-12-05T08:00:00.000Z' });
    expect((await startFromLink(visitorToken, 'black-friday')).body.error.code).toBe('link_not_found');

    clock = Date.parse('2026-12-05T08:00:00Z');
    expect((await linkConfig('black-friday')).body.link.state).toBe('active');
    expect((await startFromLink(visitorToken, 'black-friday')).status).toBe(201);

    clock = Date.parse('2026-12-05T23:00:00Z');
    expect((await linkConfig('black-friday')).body.link.state).toBe('expired');
    expect((await startFromLink(visitorToken, 'black-friday')).status).toBe(404);

    clock = Date.parse('2026-12-05T12:00:00Z');
    const disabled = await agent(server.url, `/apps/demo_app/links/${link.id}`, { method: 'DELETE' });
    expect(disabled.body.link).toMatchObject({ disabled: true, state: 'disabled' });
    expect((await linkConfig('black-friday')).body.link.state).toBe('disabled');
    expect((await patchLink(link.id, { disabled: false })).body.link.state).toBe('active');
    clock = T0;
  });
});

describe('per-participant limits, counted at the first message only', () => {
  it('per device: opening and empty conversations never count; the first message does; the next conversation is refused', async () => {
    const link = (await createLink({ name: 'One each', locale: 'en', slug: 'one-each', perParticipantLimit: 1 })).body.link;
    const device = (await newVisitor(server.url)).visitorToken;
    for (let i = 0; i < 3; i++) expect((await linkConfig('one-each')).status).toBe(200);
    const first = (await startFromLink(device, 'one-each')).body.session.id;
    const reopened = await startFromLink(device, 'one-each');
    expect([reopened.status, reopened.body.session.id]).toEqual([200, first]);
    expect((await linkDetail(link.id)).link.totals).toEqual({ opens: 3, conversations: 0, messages: 0 });

    expect((await sendText(server.url, device, first, 'Hello')).status).toBe(201);
    expect((await sendText(server.url, device, first, 'Still me')).status).toBe(201);
    const third = await startFromLink(device, 'one-each');
    expect(third.status).toBe(403);
    expect(third.body.error.code).toBe('link_limit_reached');

    const otherDevice = (await newVisitor(server.url)).visitorToken;
    const theirs = (await startFromLink(otherDevice, 'one-each')).body.session.id;
    expect((await sendText(server.url, otherDevice, theirs, 'Hi')).status).toBe(201);

    const detail = await linkDetail(link.id);
    expect(detail.link.totals).toEqual({ opens: 3, conversations: 2, messages: 3 });
    expect(detail.engagement).toEqual([{ day: '2026-12-01', opens: 3, conversations: 2, messages: 3 }]);
  });

  it('per verified customer: every device of customer 42 shares one allowance', async () => {
    await createLink({ name: 'Customers', locale: 'en', slug: 'vip-offer', perParticipantLimit: 2 });
    const phone = (await newVisitor(server.url, { identity: signedIdentity('42') })).visitorToken;
    const laptop = (await newVisitor(server.url, { identity: signedIdentity('42') })).visitorToken;
    const tablet = (await newVisitor(server.url, { identity: signedIdentity('42') })).visitorToken;
    for (const token of [phone, laptop]) {
      const id = (await startFromLink(token, 'vip-offer')).body.session.id;
      expect((await sendText(server.url, token, id, 'Hello')).status).toBe(201);
    }
    expect((await startFromLink(tablet, 'vip-offer')).body.error.code).toBe('link_limit_reached');
    const someoneElse = (await newVisitor(server.url, { identity: signedIdentity('43') })).visitorToken;
    expect((await startFromLink(someoneElse, 'vip-offer')).status).toBe(201);
  });

  it('engagement is split by UTC day; a plain conversation counts nowhere; the session body is still checked', async () => {
    const link = (await createLink({ name: 'Days', locale: 'en', slug: 'by-day' })).body.link;
    const token = (await newVisitor(server.url)).visitorToken;
    clock = Date.parse('2026-12-01T23:59:00Z');
    const a = (await startFromLink(token, 'by-day')).body.session.id;
    await sendText(server.url, token, a, 'late');
    clock = Date.parse('2026-12-02T00:01:00Z');
    await linkConfig('by-day');
    await sendText(server.url, token, a, 'early');
    const plain = (await call(server.url, '/api/apps/demo_app/sessions', { token, body: {} })).body.session.id;
    await sendText(server.url, token, plain, 'not from a link');
    expect((await linkDetail(link.id)).engagement).toEqual([
      { day: '2026-12-01', opens: 0, conversations: 1, messages: 1 },
      { day: '2026-12-02', opens: 1, conversations: 0, messages: 1 },
    ]);
    for (const body of [{ link: 'NOT A SLUG' }, { link: 3 }, { other: 1 }]) {
      expect((await call(server.url, '/api/apps/demo_app/sessions', { token, body })).status).toBe(400);
    }
    clock = T0;
  });
});

describe('conversations from a link', () => {
  it('an empty conversation is handed back only to a start from the same link', async () => {
    await createLink({ name: 'Reuse', locale: 'en', slug: 'reuse-me' });
    await createLink({ name: 'Other', locale: 'en', slug: 'reuse-other' });
    const token = (await newVisitor(server.url)).visitorToken;
    const fromLink = await startFromLink(token, 'reuse-me');
    expect(fromLink.status).toBe(201);
    const again = await startFromLink(token, 'reuse-me');
    expect([again.status, again.body.session.id]).toEqual([200, fromLink.body.session.id]);
    const plain = await call(server.url, '/api/apps/demo_app/sessions', { token, body: {} });
    expect(plain.status).toBe(201);
    expect(plain.body.session.id).not.toBe(fromLink.body.session.id);
    expect((await startFromLink(token, 'reuse-other')).status).toBe(201);
  });

  it('first messages that race on two devices of one customer: exactly the limit passes', async () => {
    const link = (await createLink({ name: 'Race', locale: 'en', slug: 'race-once', perParticipantLimit: 1 })).body.link;
    const devices = await Promise.all([0, 1, 2].map(() => newVisitor(server.url, { identity: signedIdentity('77') })));
    const sessions = await Promise.all(devices.map(async ({ visitorToken }) => (await startFromLink(visitorToken, 'race-once')).body.session.id as string));
    const answers = await Promise.all(devices.map(({ visitorToken }, i) => sendText(server.url, visitorToken, sessions[i]!, 'me first')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 403, 403]);
    expect(answers.filter((answer) => answer.status === 403).map((answer) => answer.body.error.code)).toEqual(['link_limit_reached', 'link_limit_reached']);
    expect((await linkDetail(link.id)).link.totals).toMatchObject({ conversations: 1, messages: 1 });
    // The refused messages left nothing behind: their conversations are still empty.
    const refused = sessions.filter((_, i) => answers[i]!.status === 403);
    for (const id of refused) {
      const token = devices[sessions.indexOf(id)]!.visitorToken;
      expect((await call(server.url, `/api/apps/demo_app/sessions/${id}/messages`, { token })).body.messages).toEqual([]);
    }
  });
});

describe('QR codes', () => {
  it('SVG and PNG of the link URL; size bounds', async () => {
    const link = (await createLink({ name: 'Poster', locale: 'en', slug: 'poster' })).body.link;
    const svg = await agent(server.url, `/apps/demo_app/links/${link.id}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    const response = await fetch(`${server.url}/api/agent/apps/demo_app/links/${link.id}/qr.png?size=300`, {
      headers: { authorization: `Bearer ${(await import('./support/test-server')).AGENT_TOKEN}` },
    });
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect([png.width, png.height]).toEqual([300, 300]);
    expect(jsQR(new Uint8ClampedArray(png.data), 300, 300)?.data).toBe(`${server.url}/c/poster`);

    expect((await agent(server.url, `/apps/demo_app/links/${link.id}/qr.png?size=5000`)).status).toBe(400);
    expect((await agent(server.url, `/apps/demo_app/links/${link.id}/qr.gif`)).status).toBe(404);
    expect((await call(server.url, `/api/agent/apps/demo_app/links/${link.id}/qr.svg`)).status).toBe(401);
  });
});
