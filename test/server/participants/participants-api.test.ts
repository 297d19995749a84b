import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { participantImportReportSchema, participantListResponseSchema } from '../../../server/schemas/participant-wire-schemas';
import { naughtyStrings } from '../../support/naughty-strings';
import { agent, call, newSession, newVisitor, sendText, signedIdentity } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
const T0 = Date.parse('2026-12-01T12:00:00Z');
let tick = 0;

beforeAll(async () => {
  server = await startTestServer();
  // A millisecond more at every reading, so each upsert has its own time.
  server.context.clock = { now: () => new Date(T0 + tick++).toISOString() };
});
afterAll(async () => {
  await server?.destroy();
});

const put = (body: unknown, options: { token?: string; app?: string } = {}) =>
  agent(server.url, `/apps/${options.app ?? 'demo_app'}/participants`, { method: 'PUT', body, ...(options.token ? { token: options.token } : {}) });
const list = (query = '') => agent(server.url, `/apps/demo_app/participants${query}`);
async function byExternalId(externalId: string) {
  const answer = await list(`?q=${encodeURIComponent(externalId)}&limit=200`);
  return answer.body.participants.find((p: { externalId: string }) => p.externalId === externalId);
}

describe('PUT participants: upsert by external id', () => {
  it('creates, then changes only the fields sent (null clears one)', async () => {
    const first = await put([
      { externalId: 'u-1', email: 'Ann@Example.com', phone: '+33 6 12-34.56 (78)', locale: 'fr-CA', attributes: { plan: 'gold', seats: 3, tags: ['a', 'b'] } },
      { externalId: 'u-2', locale: 'zh-Hant-HK', subscribed: false },
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, rejected: [] });
    expect(v.is(participantImportReportSchema, first.body)).toBe(true);
    expect(v.is(participantListResponseSchema, (await list()).body)).toBe(true);
    expect(await byExternalId('u-1')).toMatchObject({
      email: 'Ann@Example.com',
      phone: '+33612345678',
      locale: 'fr',
      subscribed: true,
      attributes: { plan: 'gold', seats: 3, tags: ['a', 'b'] },
      lastChattedAt: null,
    });
    expect(await byExternalId('u-2')).toMatchObject({ email: null, phone: null, locale: 'zh-tw', subscribed: false, attributes: {} });

    const second = await put([{ externalId: 'u-1', phone: null, attributes: { plan: 'silver' } }, { externalId: 'u-3', email: 'c@example.org' }]);
    expect(second.body).toEqual({ created: 1, updated: 1, rejected: [] });
    const changed = await byExternalId('u-1');
    expect(changed).toMatchObject({ email: 'Ann@Example.com', phone: null, locale: 'fr', attributes: { plan: 'silver' } });
    expect(changed.updatedAt > changed.createdAt).toBe(true);
  });

  it('keeps the first unsubscription time and clears it on subscribing again', async () => {
    await put([{ externalId: 'sub-1', subscribed: false }]);
    const first = await server.context.store.participants.find('demo_app', 'sub-1');
    await put([{ externalId: 'sub-1', subscribed: false, email: 'x@example.com' }]);
    const again = await server.context.store.participants.find('demo_app', 'sub-1');
    expect(again?.unsubscribedAt).toBe(first?.unsubscribedAt);
    expect(again?.subscribed).toBe(false);
    await put([{ externalId: 'sub-1', subscribed: true }]);
    expect(await server.context.store.participants.find('demo_app', 'sub-1')).toMatchObject({ subscribed: true, unsubscribedAt: null });
  });

  it('saves the valid rows and reports each rejected one with its index, pointer and code', async () => {
    const answer = await put([
      { externalId: 'ok-1', email: 'ok@example.com' },
      { externalId: 'bad-email', email: 'not an email' },
      { externalId: 'bad-phone', phone: '0612345678' },
      { externalId: 'bad-locale', locale: 'tlh' },
      { email: 'no-id@example.com' },
      { externalId: 'has space' },
      { externalId: 'ok-1', email: 'twin@example.com' },
      { externalId: 'nested', attributes: { address: { city: 'Paris' } } },
      { externalId: 'extra', favourite: 'blue' },
      { externalId: 'bool', subscribed: 'yes' },
      'not an object',
      { externalId: 'ok-2', locale: 'EN_us' },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.created).toBe(2);
    expect(answer.body.rejected.map((r: { row: number; pointer: string; code: string }) => [r.row, r.pointer, r.code])).toEqual([
      [1, '/email', 'invalid_email'],
      [2, '/phone', 'invalid_phone'],
      [3, '/locale', 'invalid_locale'],
      [4, '/externalId', 'required'],
      [5, '/externalId', 'invalid_external_id'],
      [6, '/externalId', 'duplicate_external_id'],
      [7, '/attributes/address', 'nested_object'],
      [8, '/favourite', 'unknown_field'],
      [9, '/subscribed', 'invalid_subscribed'],
      [10, '', 'invalid_type'],
    ]);
    expect(answer.body.rejected[0]).toMatchObject({ externalId: 'bad-email', message: expect.stringMatching(/email/i) });
    expect(v.is(participantImportReportSchema, answer.body)).toBe(true);
    expect(await byExternalId('ok-1')).toMatchObject({ email: 'ok@example.com' });
    expect(await byExternalId('ok-2')).toMatchObject({ locale: 'en' });
  });

  it('refuses a body that is not an array of 1 to 5000 rows with a clear error, never a 500', async () => {
    expect((await put({ externalId: 'x' })).body.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/array/) });
    expect((await put([])).body.error.code).toBe('invalid_request');
    const tooMany = await put(Array.from({ length: 5001 }, (_, i) => ({ externalId: `m${i}` })));
    expect([tooMany.status, tooMany.body.error.code]).toEqual([422, 'too_many_rows']);
    const notJson = await agent(server.url, '/apps/demo_app/participants', { method: 'PUT', body: '[{"externalId":' });
    expect([notJson.status, notJson.body.error.code]).toEqual([400, 'invalid_request']);
  });

  it('takes 5000 rows in one request (larger than the usual body limit)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ externalId: `bulk-${i}`, email: `bulk${i}@example.com`, attributes: { n: i } }));
    const answer = await put(rows);
    expect(answer.body).toEqual({ created: 5000, updated: 0, rejected: [] });
    const again = await put(rows.slice(0, 10).map((row) => ({ ...row, locale: 'de' })));
    expect(again.body).toEqual({ created: 0, updated: 10, rejected: [] });
  });

  it('stores every naughty string as an attribute value, and takes or cleanly refuses each as an external id', async () => {
    const rows = naughtyStrings.map((text, i) => ({ externalId: `blns-${i}`, attributes: { text } }));
    const answer = await put(rows);
    expect(answer.status).toBe(200);
    expect(answer.body.rejected).toEqual([]);
    const stored = await server.context.store.participants.findByExternalIds('demo_app', rows.map((row) => row.externalId));
    expect(stored).toHaveLength(naughtyStrings.length);
    for (const participant of stored) expect(typeof participant.attributes.text).toBe('string');
    // Control and bidi-override characters are removed; everything else comes back as sent.
    const plain = naughtyStrings.findIndex((text) => text === '<script>alert(123)</script>');
    expect(stored.find((p) => p.externalId === `blns-${plain}`)?.attributes.text).toBe('<script>alert(123)</script>');

    const asIds = await put(naughtyStrings.filter((text) => text !== '').map((text) => ({ externalId: text })));
    expect(asIds.status).toBe(200);
    const refusedCodes = new Set(asIds.body.rejected.map((r: { code: string }) => r.code));
    expect([...refusedCodes].every((code) => code === 'invalid_external_id' || code === 'duplicate_external_id')).toBe(true);
    for (const rejected of asIds.body.rejected) expect(rejected.externalId === undefined || typeof rejected.externalId === 'string').toBe(true);
    const acceptedIds = naughtyStrings.filter((text) => /^[A-Za-z0-9._:@-]{1,128}$/.test(text));
    expect(asIds.body.created + asIds.body.updated).toBe(new Set(acceptedIds).size);
    const found = await server.context.store.participants.findByExternalIds('demo_app', acceptedIds);
    expect(new Set(found.map((p) => p.externalId))).toEqual(new Set(acceptedIds));
  });
});

describe('GET participants: search and pages', () => {
  it('pages newest first, searching external id, email and phone case-insensitively', async () => {
    await put([
      { externalId: 'search-a', email: 'Zed.Search@Example.com' },
      { externalId: 'search-b', phone: '+4915112345678' },
      { externalId: 'wildcards', email: 'pct%_x@example.com' },
    ]);
    // One upsert shares a creation time: its participants come by external id.
    expect((await list('?q=search-')).body.participants.map((p: { externalId: string }) => p.externalId)).toEqual(['search-a', 'search-b']);
    expect((await list('?q=zed.search')).body.participants.map((p: { externalId: string }) => p.externalId)).toEqual(['search-a']);
    expect((await list('?q=4915112')).body.participants.map((p: { externalId: string }) => p.externalId)).toEqual(['search-b']);
    // LIKE wildcards in the query are literal.
    expect((await list('?q=%25_')).body.participants.map((p: { externalId: string }) => p.externalId)).toEqual(['wildcards']);

    const seen: string[] = [];
    let after: string | null = '';
    let pages = 0;
    while (after !== null) {
      const page = await list(`?q=bulk-1&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.participants.map((p: { externalId: string }) => p.externalId));
      after = page.body.next;
      pages += 1;
    }
    const expected = Array.from({ length: 5000 }, (_, i) => `bulk-${i}`).filter((id) => id.includes('bulk-1'));
    expect(seen.sort()).toEqual(expected.sort());
    expect(pages).toBe(Math.ceil(expected.length / 200) + (expected.length % 200 === 0 ? 1 : 0));
    expect((await list('?limit=0')).status).toBe(400);
    expect((await list('?limit=abc')).body.error.code).toBe('invalid_request');
  });
});

describe('who may import', () => {
  it('needs an owner or admin of the app: a plain agent is 403, an admin of another app gets 404', async () => {
    expect((await call(server.url, '/api/agent/apps/demo_app/participants')).status).toBe(401);
    const account = (body: object) => agent(server.url, '/agents', { body }).then((answer) => answer.body.token as string);
    const agentToken = await account({ name: 'participants-agent', displayName: 'Al', role: 'agent', apps: ['demo_app'] });
    const adminToken = await account({ name: 'participants-admin', displayName: 'Ada', role: 'admin', apps: ['demo_app'] });
    const partnerAdmin = await account({ name: 'participants-partner', displayName: 'Pat', role: 'admin', apps: ['partner_app'] });
    expect([(await put([{ externalId: 'x' }], { token: agentToken })).status, (await agent(server.url, '/apps/demo_app/participants', { token: agentToken })).status]).toEqual([403, 403]);
    const byPartner = await put([{ externalId: 'x' }], { token: partnerAdmin });
    expect([byPartner.status, byPartner.body.error.code]).toEqual([404, 'app_not_found']);
    expect((await agent(server.url, '/apps/demo_app/participants', { token: partnerAdmin })).status).toBe(404);
    expect((await put([{ externalId: 'by-admin' }], { token: adminToken })).body.created).toBe(1);
    // Another app's participants are its own.
    expect((await agent(server.url, '/apps/partner_app/participants?q=by-admin')).body.participants).toEqual([]);
  });
});

describe('participation', () => {
  it("a customer's messages move their participant's last chat forward, at most once an hour", async () => {
    await put([{ externalId: 'chatter-1' }]);
    const { visitorToken: token } = await newVisitor(server.url, { identity: signedIdentity('chatter-1') });
    const sessionId = await newSession(server.url, token);
    expect((await sendText(server.url, token, sessionId, 'hello')).status).toBe(201);
    const first = (await byExternalId('chatter-1')).lastChattedAt;
    expect(first).not.toBeNull();
    expect((await sendText(server.url, token, sessionId, 'again')).status).toBe(201);
    expect((await byExternalId('chatter-1')).lastChattedAt).toBe(first);
    tick += 60 * 60 * 1000;
    expect((await sendText(server.url, token, sessionId, 'an hour later')).status).toBe(201);
    expect(Date.parse((await byExternalId('chatter-1')).lastChattedAt) - Date.parse(first)).toBeGreaterThanOrEqual(60 * 60 * 1000);
    // A customer who is nobody's participant sends as before.
    const stranger = await newVisitor(server.url, { identity: signedIdentity('not-a-participant') });
    expect((await sendText(server.url, stranger.visitorToken, await newSession(server.url, stranger.visitorToken), 'hi')).status).toBe(201);
  });
});
