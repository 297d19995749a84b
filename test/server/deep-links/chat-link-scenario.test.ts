import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, call, newVisitor, sendText } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { codeOf, createApiKey, DEEP_LINK_APPS, generate } from './support';

let server: TestServer;
let key: string;
const T0 = Date.parse('2026-12-01T12:00:00Z');
let clock = T0;
let tick = 0;

beforeAll(async () => {
  server = await startTestServer({ appsFile: DEEP_LINK_APPS });
  server.context.clock = { now: () => new Date(clock + tick++).toISOString() };
  key = await createApiKey(server.url, 'shop');
});
afterAll(() => server.destroy());

async function chatLink(appId: string, body: object) {
  const answer = await agent(server.url, `/apps/${appId}/links`, { body });
  if (answer.status !== 201) throw new Error(`link: ${answer.status} ${answer.text}`);
  return answer.body.link as { id: string; slug: string };
}

/** One deep link for `scenario_id`, as its code. */
async function deepLinkOf(scenario: string, user: object = { attributes: { name: 'Zoé' } }): Promise<string> {
  const answer = await generate(server.url, key, { scenario_id: scenario, dataset: [user] });
  expect([scenario, answer.status, answer.text]).toEqual([scenario, 201, answer.text]);
  return codeOf(answer.body[0].url);
}

const deepLinkConfig = (code: string, locale = 'en') => call(server.url, `/api/deep-links/${code}/config?locale=${locale}`);

async function refusal(scenario: string) {
  const answer = await generate(server.url, key, { scenario_id: scenario, dataset: [{}] });
  return [scenario, answer.status, answer.body.error?.code, answer.body.error?.message];
}

describe('a chat link as the scenario', () => {
  it('is accepted by id, by slug and by an earlier slug; its locale and branding apply to the deep link', async () => {
    const link = await chatLink('shop', { name: 'French campaign', locale: 'fr', slug: 'printemps-fr' });
    expect((await agent(server.url, `/apps/shop/links/${link.id}`, { method: 'PATCH', body: { slug: 'ete-fr' } })).status).toBe(200);
    for (const scenario of [link.id, 'ete-fr', 'printemps-fr', 'ETE-FR']) {
      const code = await deepLinkOf(scenario);
      const config = await deepLinkConfig(code, 'en');
      expect([scenario, config.body.deepLink]).toMatchObject([scenario, { state: 'active', locale: 'fr', linkSlug: 'ete-fr' }]);
      expect(config.body.app.branding).toMatchObject({ title: 'Support Shop', welcome: 'Bonjour Zoé, ravis de vous revoir !' });
      const visitor = await newVisitor(server.url, { appId: 'shop', deepLink: code });
      expect(visitor.visitor.verified).toBe(true);
    }
  });

  it('a multilingual link leaves the locale to the page; the app as scenario carries no link', async () => {
    await chatLink('shop', { name: 'Everyone', locale: '*', slug: 'tout-le-monde' });
    const multilingual = await deepLinkConfig(await deepLinkOf('tout-le-monde'), 'fr');
    expect(multilingual.body.deepLink).toMatchObject({ locale: '*', linkSlug: 'tout-le-monde' });
    expect(multilingual.body.app.branding.title).toBe('Support Shop');
    expect((await deepLinkConfig(await deepLinkOf('tout-le-monde'), 'en')).body.app.branding.title).toBe('Shop Support');
    const plain = await deepLinkConfig(await deepLinkOf('shop'), 'en');
    expect(plain.body.deepLink).not.toHaveProperty('linkSlug');
    expect(plain.body.deepLink).not.toHaveProperty('locale');
  });

  it('is refused when it belongs to another app, is disabled or has expired (422 invalid_scenario, saying why)', async () => {
    const elsewhere = await chatLink('other', { name: 'Other link', locale: '*' });
    const disabled = await chatLink('shop', { name: 'Old', locale: '*' });
    expect((await agent(server.url, `/apps/shop/links/${disabled.id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    const expired = await chatLink('shop', { name: 'Past', locale: 'en', expiresAt: new Date(T0 + 60_000).toISOString() });
    const upcoming = await chatLink('shop', { name: 'Soon', locale: 'en', activeFrom: new Date(T0 + 3_600_000).toISOString() });
    clock = T0 + 120_000;
    try {
      for (const scenario of [elsewhere.id, elsewhere.slug, 'other', 'no-such-link']) {
        expect(await refusal(scenario)).toEqual([scenario, 422, 'invalid_scenario', "scenario_id is not this API key's app or one of its chat links"]);
      }
      expect(await refusal(disabled.id)).toEqual([disabled.id, 422, 'invalid_scenario', 'The chat link named by scenario_id is disabled']);
      expect(await refusal(expired.slug)).toEqual([expired.slug, 422, 'invalid_scenario', 'The chat link named by scenario_id has expired']);
      // A campaign prepared ahead of its link's start is fine.
      await deepLinkOf(upcoming.slug);
    } finally {
      clock = T0;
    }
  });

  it('a first message from the deep link counts on the link, within its per-participant limit', async () => {
    const link = await chatLink('shop', { name: 'Once', locale: 'en', slug: 'once-only', perParticipantLimit: 1 });
    const code = await deepLinkOf(link.id, { user_id: 'user_once' });
    const token = (await newVisitor(server.url, { appId: 'shop', deepLink: code })).visitorToken;
    const start = () => call(server.url, '/api/apps/shop/sessions', { token, body: { link: 'once-only' } });
    const sessionId = (await start()).body.session.id;
    expect((await sendText(server.url, token, sessionId, 'Bonjour', undefined, 'shop')).status).toBe(201);
    const totals = (await agent(server.url, `/apps/shop/links/${link.id}`)).body.link.totals;
    expect(totals).toEqual({ opens: 0, conversations: 1, messages: 1 });
    // The same user with another of their links, on another device, is the same participant; someone else is not.
    const open = async (user: object) => (await newVisitor(server.url, { appId: 'shop', deepLink: await deepLinkOf(link.id, user) })).visitorToken;
    const sameUser = await call(server.url, '/api/apps/shop/sessions', { token: await open({ user_id: 'user_once' }), body: { link: 'once-only' } });
    expect([sameUser.status, sameUser.body.error?.code]).toEqual([403, 'link_limit_reached']);
    const otherUser = await call(server.url, '/api/apps/shop/sessions', { token: await open({ user_id: 'user_twice' }), body: { link: 'once-only' } });
    expect(otherUser.status).toBe(201);
  });

  it('follows its chat link afterwards: disabled reads as revoked (410 on open), expired as expired', async () => {
    const link = await chatLink('shop', { name: 'Later off', locale: 'en', expiresAt: new Date(T0 + 3_600_000).toISOString() });
    const code = await deepLinkOf(link.id);
    clock = T0 + 7_200_000;
    expect((await deepLinkConfig(code)).body.deepLink.state).toBe('expired');
    clock = T0;
    expect((await agent(server.url, `/apps/shop/links/${link.id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    expect((await deepLinkConfig(code)).body.deepLink.state).toBe('revoked');
    const opened = await call(server.url, '/api/apps/shop/visitors', { body: { locale: 'en', deepLink: code } });
    expect([opened.status, opened.body.error.code]).toEqual([410, 'deep_link_revoked']);
  });

  it('while its chat link is not yet active: not_yet_active with the start (403 on open), then active from the start', async () => {
    const activeFrom = new Date(T0 + 3_600_000).toISOString();
    const link = await chatLink('shop', { name: 'Campaign', locale: 'en', activeFrom });
    const code = await deepLinkOf(link.slug);
    const early = await deepLinkConfig(code);
    expect(early.body.deepLink).toMatchObject({ state: 'not_yet_active', activeFrom, linkSlug: link.slug });
    // The attributes fill nothing before the link is open.
    expect(early.body.app.branding.welcome).not.toContain('Zoé');
    const opened = await call(server.url, '/api/apps/shop/visitors', { body: { locale: 'en', deepLink: code } });
    expect([opened.status, opened.body.error.code]).toEqual([403, 'deep_link_not_yet_active']);
    clock = T0 + 3_600_000;
    try {
      const open = await deepLinkConfig(code);
      expect(open.body.deepLink.state).toBe('active');
      expect(open.body.deepLink).not.toHaveProperty('activeFrom');
      expect(open.body.app.branding.welcome).toContain('Zoé');
      expect((await newVisitor(server.url, { appId: 'shop', deepLink: code })).visitor.verified).toBe(true);
    } finally {
      clock = T0;
    }
  });
});
