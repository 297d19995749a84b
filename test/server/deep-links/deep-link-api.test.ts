import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../../server/auth/token-hash';
import { agent, call, newSession, newVisitor, sendText } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { codeOf, createApiKey, DEEP_LINK_APPS, generate, GENERATE_PATH } from './support';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await startTestServer({ appsFile: DEEP_LINK_APPS, deepLinkMaxUsers: 8, deepLinkMaxDays: 60 });
  key = await createApiKey(server.url, 'shop');
});
afterAll(() => server.destroy());

const john = { user_id: 'user_12345', attributes: { name: 'John Doe', email: 'john@example.com', account_type: 'premium', interests: ['shoes', 'bags'] } };

describe('POST /public/api/generate-webchat-deep-link', () => {
  it('answers 201 with one short, unguessable link per user, in the order of the dataset', async () => {
    const answer = await generate(server.url, key, { scenario_id: 'shop', dataset: [john, { attributes: { name: 'Ann' } }, { user_id: 'a.b:c@d-e_f' }] });
    expect(answer.status).toBe(201);
    expect(answer.body.map((link: { user_id: string }) => link.user_id).slice(0, 1)).toEqual(['user_12345']);
    expect(answer.body[1].user_id).toMatch(UUID_V4);
    expect(answer.body[2].user_id).toBe('a.b:c@d-e_f');
    const codes = answer.body.map((link: { url: string }) => codeOf(link.url));
    for (const link of answer.body) expect(link.url).toMatch(new RegExp(`^${server.url}/p/[A-Za-z0-9_-]{32}$`));
    expect(new Set(codes).size).toBe(3);
    // 32 base64url characters: 192 random bits. Nothing of the user travels in the URL.
    expect(answer.text).not.toContain('John');
    expect(answer.body.every((link: { url: string }) => !link.url.includes('user_12345'))).toBe(true);
  });

  it('expires links after 30 days by default, or after the days asked for, up to the maximum', async () => {
    const before = Date.now();
    const standard = await generate(server.url, key, { scenario_id: 'shop', dataset: [{}] });
    const week = await generate(server.url, key, { scenario_id: 'shop', dataset: [{}], expires_in_days: 7 });
    const lifetime = (answer: typeof standard) => Date.parse(answer.body[0].expires_at) - before;
    expect(Math.round(lifetime(standard) / DAY_MS)).toBe(30);
    expect(Math.round(lifetime(week) / DAY_MS)).toBe(7);
    const tooLong = await generate(server.url, key, { scenario_id: 'shop', dataset: [{}], expires_in_days: 61 });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details).toEqual([{ pointer: '/expires_in_days', code: 'out_of_range' }]);
  });

  it('refuses a missing, malformed, unknown or revoked key with 401 and WWW-Authenticate', async () => {
    const revocable = await createApiKey(server.url, 'shop', 'to revoke');
    const list = await agent(server.url, '/apps/shop/api-keys');
    const id = list.body.apiKeys.find((entry: { name: string }) => entry.name === 'to revoke').id;
    expect((await generate(server.url, revocable, { scenario_id: 'shop', dataset: [{}] })).status).toBe(201);
    expect((await agent(server.url, `/apps/shop/api-keys/${id}`, { method: 'DELETE' })).status).toBe(200);

    const agentToken = server.settings.agentToken!;
    for (const token of [undefined, 'dck_nope', `dck_${'A'.repeat(43)}`, revocable, agentToken]) {
      const answer = await generate(server.url, token, { scenario_id: 'shop', dataset: [{}] });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthorized');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    // Never from the address: a key in the query string counts for nothing.
    const inQuery = await call(server.url, `${GENERATE_PATH}?api_key=${key}`, { body: { scenario_id: 'shop', dataset: [{}] } });
    expect(inQuery.status).toBe(401);
  });

  it('lists every problem of the dataset as a JSON pointer with a code (422 validation_error)', async () => {
    const answer = await generate(server.url, key, {
      scenario_id: 'shop',
      dataset: [
        { user_id: 'ok' },
        { user_id: 'has space' },
        { user_id: 'x'.repeat(129) },
        { attributes: { address: { city: 'Paris' }, orders: [{ id: 1 }], grid: [[1]], nothing: null, 'bad key': 1, note: 'n'.repeat(1001) } },
        { user_id: 'ok' },
        { user_id: 'y', nickname: 'unknown field' },
        { attributes: ['not', 'an', 'object'] },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('validation_error');
    expect(answer.body.error.details).toEqual([
      { pointer: '/dataset/1/user_id', code: 'invalid_user_id' },
      { pointer: '/dataset/2/user_id', code: 'invalid_user_id' },
      { pointer: '/dataset/3/attributes/address', code: 'nested_object' },
      { pointer: '/dataset/3/attributes/orders/0', code: 'array_of_objects' },
      { pointer: '/dataset/3/attributes/grid/0', code: 'nested_array' },
      { pointer: '/dataset/3/attributes/nothing', code: 'null_value' },
      { pointer: '/dataset/3/attributes/bad key', code: 'invalid_key' },
      { pointer: '/dataset/3/attributes/note', code: 'value_too_long' },
      { pointer: '/dataset/5/nickname', code: 'unknown_field' },
      { pointer: '/dataset/6/attributes', code: 'invalid_type' },
    ]);
  });

  it('refuses duplicate user ids, an empty dataset, too many keys and missing fields', async () => {
    const duplicates = await generate(server.url, key, { scenario_id: 'shop', dataset: [{ user_id: 'a' }, { user_id: 'b' }, { user_id: 'a' }] });
    expect(duplicates.body.error.details).toEqual([{ pointer: '/dataset/2/user_id', code: 'duplicate_user_id' }]);
    const empty = await generate(server.url, key, { scenario_id: 'shop', dataset: [] });
    expect(empty.body.error.details).toEqual([{ pointer: '/dataset', code: 'empty' }]);
    const missing = await generate(server.url, key, { extra: true });
    expect(missing.body.error.details).toEqual([
      { pointer: '/scenario_id', code: 'required' },
      { pointer: '/dataset', code: 'required' },
      { pointer: '/extra', code: 'unknown_field' },
    ]);
    const manyKeys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    const crowded = await generate(server.url, key, { scenario_id: 'shop', dataset: [{ attributes: manyKeys }] });
    expect(crowded.body.error.details).toEqual([{ pointer: '/dataset/0/attributes', code: 'too_many_attributes' }]);
    const large = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const heavy = await generate(server.url, key, { scenario_id: 'shop', dataset: [{ attributes: large }] });
    expect(heavy.body.error.details).toEqual([{ pointer: '/dataset/0/attributes', code: 'attributes_too_large' }]);
    for (const answer of [duplicates, empty, missing, crowded, heavy]) expect(answer.status).toBe(422);
  });

  it('says how many users one request may hold (422 too_many_users)', async () => {
    const answer = await generate(server.url, key, { scenario_id: 'shop', dataset: Array.from({ length: 9 }, () => ({})) });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: 'too_many_users', details: { max: 8 } });
    expect((await generate(server.url, key, { scenario_id: 'shop', dataset: Array.from({ length: 8 }, () => ({})) })).status).toBe(201);
  });

  it('refuses a scenario outside the key\'s app (422 invalid_scenario) and an app whose page is off (404)', async () => {
    for (const scenario of ['other', 'nope', 'SHOP']) {
      const answer = await generate(server.url, key, { scenario_id: scenario, dataset: [{}] });
      expect([scenario, answer.status, answer.body.error.code]).toEqual([scenario, 422, 'invalid_scenario']);
    }
    const darkKey = await createApiKey(server.url, 'dark');
    const dark = await generate(server.url, darkKey, { scenario_id: 'dark', dataset: [{}] });
    expect([dark.status, dark.body.error.code]).toEqual([404, 'fullpage_disabled']);
  });

  it('answers bad JSON and other media types in the same envelope, never with a 500', async () => {
    const broken = await generate(server.url, key, '{"scenario_id":');
    expect([broken.status, broken.body.error.code]).toEqual([400, 'invalid_request']);
    const form = await generate(server.url, key, 'scenario_id=shop', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([form.status, form.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const wrongMethod = await call(server.url, GENERATE_PATH, { method: 'GET', token: key });
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    const unknown = await call(server.url, '/public/api/nothing-here', { token: key });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
  });

  it('returns the same links for a retry with the same Idempotency-Key, and 422 for that key with another body', async () => {
    const body = { scenario_id: 'shop', dataset: [{ attributes: { name: 'Retry' } }, john] };
    const headers = { 'idempotency-key': 'batch-2026-11-28-001' };
    const first = await generate(server.url, key, body, headers);
    const racing = await Promise.all([generate(server.url, key, body, headers), generate(server.url, key, body, headers)]);
    expect(first.status).toBe(201);
    for (const retry of racing) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    }
    const changed = await generate(server.url, key, { ...body, expires_in_days: 3 }, headers);
    expect([changed.status, changed.body.error.code]).toEqual([422, 'idempotency_key_reused']);
    // Another key of the same app has its own keys.
    const otherKey = await createApiKey(server.url, 'shop');
    const fresh = await generate(server.url, otherKey, body, headers);
    expect(fresh.status).toBe(201);
    expect(fresh.body[0].url).not.toBe(first.body[0].url);
    const badKey = await generate(server.url, key, body, { 'idempotency-key': 'x'.repeat(256) });
    expect([badKey.status, badKey.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('answers an unexpected failure with 500 internal and nothing of its internals', async () => {
    const { deepLinks } = server.context.store;
    const generateLinks = deepLinks.generate;
    deepLinks.generate = async () => {
      throw new Error('relation "deep_links" is broken at /srv/secret/path');
    };
    try {
      const answer = await generate(server.url, key, { scenario_id: 'shop', dataset: [{}] });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ error: { code: 'internal', message: 'Internal error' } });
    } finally {
      deepLinks.generate = generateLinks;
    }
  });

  it('stores only hashes of API keys and link codes', async () => {
    const answer = await generate(server.url, key, { scenario_id: 'shop', dataset: [{}] });
    const code = codeOf(answer.body[0].url);
    const { store } = server.context;
    expect(await store.deepLinks.find(code)).toBeUndefined();
    expect(await store.deepLinks.find(hashToken(code))).toMatchObject({ appId: 'shop', scenarioId: 'shop' });
    expect(await store.apiKeys.findByHash(key)).toBeUndefined();
    expect((await store.apiKeys.findByHash(hashToken(key)))?.key.appId).toBe('shop');
  });
});

describe('DELETE /public/api/deep-links/{code}', () => {
  it('revokes a link of the key\'s app; the page then gets the revoked state and a visitor cannot use it', async () => {
    const [link] = (await generate(server.url, key, { scenario_id: 'shop', dataset: [john] })).body;
    const code = codeOf(link.url);
    const otherKey = await createApiKey(server.url, 'other');
    expect((await call(server.url, `/public/api/deep-links/${code}`, { method: 'DELETE', token: otherKey })).status).toBe(404);
    expect((await call(server.url, `/public/api/deep-links/${code}`, { method: 'DELETE' })).status).toBe(401);
    const revoked = await call(server.url, `/public/api/deep-links/${code}`, { method: 'DELETE', token: key });
    expect(revoked.status).toBe(204);
    expect((await call(server.url, `/public/api/deep-links/${code}`, { method: 'DELETE', token: key })).status).toBe(204);
    const unknown = await call(server.url, `/public/api/deep-links/${'A'.repeat(32)}`, { method: 'DELETE', token: key });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'deep_link_not_found']);

    const config = await call(server.url, `/api/deep-links/${code}/config?locale=en`);
    expect(config.body.deepLink.state).toBe('revoked');
    expect(config.body.app.branding.welcome).toBe('Hi, welcome back! Your desk is here.');
    const visitor = await call(server.url, '/api/apps/shop/visitors', { body: { locale: 'en', deepLink: code } });
    expect([visitor.status, visitor.body.error.code]).toEqual([410, 'deep_link_revoked']);
  });
});

describe('opening a deep link', () => {
  it('personalizes the welcome on the server and never sends the attributes to the browser', async () => {
    const [link] = (await generate(server.url, key, { scenario_id: 'shop', dataset: [john] })).body;
    const code = codeOf(link.url);
    const en = await call(server.url, `/api/deep-links/${code}/config?locale=en`);
    expect(en.status).toBe(200);
    expect(en.body.deepLink).toEqual({ state: 'active', expiresAt: link.expires_at });
    expect(en.body.app).toMatchObject({ appId: 'shop', branding: { title: 'Shop Support', welcome: 'Hi John Doe, welcome back! Your premium desk is here.' } });
    const fr = await call(server.url, `/api/deep-links/${code}/config?locale=fr`);
    expect(fr.body.app.branding.welcome).toBe('Bonjour John Doe, ravis de vous revoir !');
    for (const answer of [en, fr]) {
      expect(answer.text).not.toContain('john@example.com');
      expect(answer.text).not.toContain('user_12345');
    }
    const visitor = await call(server.url, '/api/apps/shop/visitors', { body: { locale: 'en', deepLink: code } });
    expect(visitor.status).toBe(201);
    expect(visitor.body.visitor).toEqual({ id: visitor.body.visitor.id, verified: true });
    expect(visitor.text).not.toContain('John');
    // Anyone else gets the welcome without placeholders.
    const plain = await call(server.url, '/api/apps/shop/config?locale=en');
    expect(plain.body.branding.welcome).toBe('Hi, welcome back! Your desk is here.');
  });

  it('answers 404 for an unknown or malformed code and a link of another app', async () => {
    for (const code of ['A'.repeat(32), 'short', '..%2F..']) {
      const answer = await call(server.url, `/api/deep-links/${code}/config`);
      expect([code, answer.status, answer.body.error.code]).toEqual([code, 404, 'deep_link_not_found']);
    }
    const [link] = (await generate(server.url, key, { scenario_id: 'shop', dataset: [{}] })).body;
    const elsewhere = await call(server.url, '/api/apps/other/visitors', { body: { locale: 'en', deepLink: codeOf(link.url) } });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'deep_link_not_found']);
  });

  it('gives an expired link its own state, from the server clock', async () => {
    const [link] = (await generate(server.url, key, { scenario_id: 'shop', dataset: [john], expires_in_days: 1 })).body;
    const code = codeOf(link.url);
    const realClock = server.context.clock;
    server.context.clock = { now: () => new Date(Date.parse(link.expires_at) + 1000).toISOString() };
    try {
      const config = await call(server.url, `/api/deep-links/${code}/config?locale=en`);
      expect(config.body.deepLink.state).toBe('expired');
      expect(config.body.app.branding.welcome).toBe('Hi, welcome back! Your desk is here.');
      const visitor = await call(server.url, '/api/apps/shop/visitors', { body: { locale: 'en', deepLink: code } });
      expect([visitor.status, visitor.body.error.code]).toEqual([410, 'deep_link_expired']);
    } finally {
      server.context.clock = realClock;
    }
  });

  it('reaches the same conversations from any device of the same user, and shows agents the attributes', async () => {
    const body = {
      scenario_id: 'shop',
      dataset: [
        { user_id: 'u-42', attributes: { name: 'Ada', interests: 'shoes, bags', city: 'Paris, FR', vip: true, visits: 7 } },
        { user_id: 'u-43', attributes: { name: 'Bob' } },
      ],
    };
    const [phoneLink, bobLink] = (await generate(server.url, key, body)).body;
    const [laptopLink] = (await generate(server.url, key, { scenario_id: 'shop', dataset: [{ user_id: 'u-42', attributes: { name: 'Ada L.', tags: ['a', 'b'] } }] })).body;

    const phone = await newVisitor(server.url, { appId: 'shop', deepLink: codeOf(phoneLink.url) });
    const sessionId = await newSession(server.url, phone.visitorToken, 'shop');
    expect((await sendText(server.url, phone.visitorToken, sessionId, 'Where is my order?', undefined, 'shop')).status).toBe(201);

    const laptop = await newVisitor(server.url, { appId: 'shop', deepLink: codeOf(laptopLink.url) });
    expect(laptop.visitor.id).not.toBe(phone.visitor.id);
    const mine = await call(server.url, `/api/apps/shop/sessions/${sessionId}`, { token: laptop.visitorToken });
    expect(mine.status).toBe(200);
    const bob = await newVisitor(server.url, { appId: 'shop', deepLink: codeOf(bobLink.url) });
    expect((await call(server.url, `/api/apps/shop/sessions/${sessionId}`, { token: bob.visitorToken })).status).toBe(404);

    const detail = await agent(server.url, `/apps/shop/sessions/${sessionId}`);
    expect(detail.body.visitor).toMatchObject({ verified: true, customerId: 'u-42', claims: {} });
    // The newest opened link's attributes (the laptop's), with collections as the scenario declares them.
    expect(detail.body.visitor.userContext).toMatchObject({ userId: 'u-42', attributes: { name: 'Ada L.', tags: ['a', 'b'] } });
    // The phone again, with its token and the same link: the same visitor continues.
    const again = await call(server.url, '/api/apps/shop/visitors', { token: phone.visitorToken, body: { locale: 'en', deepLink: codeOf(phoneLink.url) } });
    expect([again.status, again.body.visitor.id]).toEqual([200, phone.visitor.id]);
    const refreshed = await agent(server.url, `/apps/shop/sessions/${sessionId}`);
    expect(refreshed.body.visitor.userContext.attributes).toEqual({ name: 'Ada', interests: ['shoes', 'bags'], city: 'Paris, FR', vip: true, visits: 7 });
  });
});
