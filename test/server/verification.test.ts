import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateVisitorResponse } from '../../src/api/wire';
import { computeSignature } from '../../server/sign-link';
import { agent, call, newSession, newVisitor, signedIdentity } from './support/api-client';
import { DEMO_SECRET, PARTNER_SECRET, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.destroy());

const visitors = (body: unknown, token?: string, appId = 'demo_app') =>
  call<CreateVisitorResponse>(server.url, `/api/apps/${appId}/visitors`, { body, token });

describe('identity verification (design §4)', () => {
  it('verifies a correctly signed link and names the visitor from it', async () => {
    const answer = await visitors({ locale: 'en', identity: signedIdentity('42', { name: 'Ada Lovelace' }) });
    expect(answer.status).toBe(201);
    expect(answer.body.identityError).toBeUndefined();
    expect(answer.body.visitor).toMatchObject({ verified: true, displayName: 'Ada Lovelace' });
    expect(answer.body.visitorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('uses the nickname when there is no name', async () => {
    const answer = await visitors({ locale: 'en', identity: signedIdentity('43', { nickname: 'Ada' }) });
    expect(answer.body.visitor).toMatchObject({ verified: true, displayName: 'Ada' });
  });

  it('answers bad_signature for a link signed with another secret, and continues as a guest', async () => {
    const answer = await visitors({
      locale: 'en',
      identity: signedIdentity('42', { name: 'Mallory' }, 'not-the-app-secret-at-all'),
    });
    expect(answer.status).toBe(201);
    expect(answer.body.identityError).toBe('bad_signature');
    expect(answer.body.visitor.verified).toBe(false);
    expect(answer.body.visitor.displayName).toBeUndefined();
  });

  it('answers bad_signature when the sbs was changed after signing', async () => {
    const identity = { ...signedIdentity('42'), sbs: '43' };
    expect((await visitors({ locale: 'en', identity })).body.identityError).toBe('bad_signature');
  });

  const good = () => signedIdentity('42');
  it.each([
    ['sbs_mm missing', () => ({ sbs: '42', ranstr: good().ranstr })],
    ['ranstr missing', () => ({ sbs: '42', sbs_mm: good().sbs_mm })],
    ['sbs missing', () => ({ sbs_mm: good().sbs_mm, ranstr: good().ranstr })],
    ['sbs empty', () => ({ ...good(), sbs: '' })],
    ['sbs over 128 characters', () => signedIdentity('4'.repeat(129))],
    ['sbs with a control character', () => signedIdentity('4\n2')],
    ['sbs_mm in upper case', () => ({ ...good(), sbs_mm: good().sbs_mm.toUpperCase() })],
    ['sbs_mm of 31 hex digits', () => ({ ...good(), sbs_mm: good().sbs_mm.slice(1) })],
    ['sbs_mm not hex', () => ({ ...good(), sbs_mm: 'z'.repeat(32) })],
    ['ranstr of 15 characters', () => signedIdentity('42', {}, DEMO_SECRET, 'a1b2c3d4e5f6g7h')],
    ['ranstr of 65 characters', () => signedIdentity('42', {}, DEMO_SECRET, 'a'.repeat(65))],
    ['sbs is a number', () => ({ ...good(), sbs: 42 })],
    ['sbs_mm is an object', () => ({ ...good(), sbs_mm: { hex: good().sbs_mm } })],
    ['ranstr is an array', () => ({ ...good(), ranstr: [good().ranstr] })],
    ['sbs is null', () => ({ ...good(), sbs: null })],
    ['sbs is 5,000 characters', () => ({ ...good(), sbs: '4'.repeat(5000) })],
    ['sbs_mm is 2,000 characters', () => ({ ...good(), sbs_mm: 'a'.repeat(2000) })],
  ])('answers malformed when %s', async (_label, identity) => {
    const answer = await visitors({ locale: 'en', identity: identity() });
    expect(answer.status).toBe(201);
    expect(answer.body.identityError).toBe('malformed');
    expect(answer.body.visitor.verified).toBe(false);
  });

  it('rejects a non-alphanumeric ranstr before hashing, even when its signature is right (length extension)', async () => {
    // What a length-extension forgery looks like: the old nonce, MD5 padding bytes, then attacker-chosen text.
    const extended = `abcdefghijklmnop\u0080\u0000\u0000\u0001extra`;
    const identity = { sbs: '42', sbs_mm: computeSignature('42', DEMO_SECRET, extended), ranstr: extended };
    const answer = await visitors({ locale: 'en', identity });
    expect(answer.body.identityError).toBe('malformed');
    expect(answer.body.visitor.verified).toBe(false);
  });

  it('answers replayed for a second use of the same link', async () => {
    const identity = signedIdentity('77');
    expect((await visitors({ locale: 'en', identity })).body.visitor.verified).toBe(true);
    const again = await visitors({ locale: 'en', identity });
    expect(again.body.identityError).toBe('replayed');
    expect(again.body.visitor.verified).toBe(false);
  });

  it('lets exactly one of many racing requests with one nonce win', async () => {
    const identity = signedIdentity('race-1');
    const answers = await Promise.all(Array.from({ length: 8 }, () => visitors({ locale: 'en', identity })));
    expect(answers.filter((answer) => answer.body.visitor.verified)).toHaveLength(1);
    expect(answers.filter((answer) => answer.body.identityError === 'replayed')).toHaveLength(7);
  });

  it('lets exactly one of two racing requests win across two servers sharing one database', async () => {
    const twin = await startTestServer({ dataDir: server.settings.dataDir, databaseUrl: server.settings.databaseUrl });
    try {
      const identity = signedIdentity('race-2');
      const answers = await Promise.all(
        [server.url, twin.url].map((base) =>
          call<CreateVisitorResponse>(base, '/api/apps/demo_app/visitors', { body: { locale: 'en', identity } }),
        ),
      );
      expect(answers.map((answer) => answer.body.visitor.verified).sort()).toEqual([false, true]);
    } finally {
      await twin.destroy();
    }
  });

  it('does not burn the nonce on a bad signature', async () => {
    const identity = signedIdentity('78');
    await visitors({ locale: 'en', identity: { ...identity, sbs_mm: '0'.repeat(32) } });
    expect((await visitors({ locale: 'en', identity })).body.visitor.verified).toBe(true);
  });

  it('keeps nonces per app: the same sbs and ranstr are fresh for another app', async () => {
    const ranstr = 'SharedNonce0123456789';
    await visitors({ locale: 'en', identity: signedIdentity('5', {}, DEMO_SECRET, ranstr) });
    const other = await visitors({ locale: 'fr', identity: signedIdentity('5', {}, PARTNER_SECRET, ranstr) }, undefined, 'partner_app');
    expect(other.body.visitor.verified).toBe(true);
  });
});

describe('visitor tokens and binding to a customer', () => {
  it('never upgrades a guest: a valid link with a guest’s token gets a new visitor and token for the customer', async () => {
    const guest = await newVisitor(server.url);
    const guestSession = await newSession(server.url, guest.visitorToken);
    const customer = await visitors({ locale: 'en', identity: signedIdentity('100', { name: 'Grace' }) }, guest.visitorToken);
    expect(customer.status).toBe(201);
    expect(customer.body.identityError).toBeUndefined();
    expect(customer.body.visitorToken).not.toBe(guest.visitorToken);
    expect(customer.body.visitor).toMatchObject({ verified: true, displayName: 'Grace' });
    expect(customer.body.visitor.id).not.toBe(guest.visitor.id);

    // The guest's sessions stay the guest's: not the customer's on this device, nor on another device of customer 100.
    const phone = await newVisitor(server.url, { identity: signedIdentity('100') });
    for (const token of [customer.body.visitorToken, phone.visitorToken]) {
      expect((await call(server.url, `/api/apps/demo_app/sessions/${guestSession}`, { token })).status).toBe(404);
      const list = await call(server.url, '/api/apps/demo_app/sessions', { token });
      expect(list.body.sessions.map((session: { id: string }) => session.id)).not.toContain(guestSession);
    }
    // And the guest's token still opens only the guest's own things, as a guest.
    expect((await call(server.url, `/api/apps/demo_app/sessions/${guestSession}`, { token: guest.visitorToken })).status).toBe(200);
    const customerSession = await newSession(server.url, customer.body.visitorToken);
    expect((await call(server.url, `/api/apps/demo_app/sessions/${customerSession}`, { token: guest.visitorToken })).status).toBe(404);
    const resumed = await visitors({ locale: 'en' }, guest.visitorToken);
    expect([resumed.status, resumed.body.visitor]).toEqual([200, { id: guest.visitor.id, verified: false }]);
  });

  it('keeps the token’s visitor when the link fails', async () => {
    const first = await newVisitor(server.url, { identity: signedIdentity('101', { name: 'Ada' }) });
    const bad = await visitors(
      { locale: 'en', identity: { ...signedIdentity('101', { name: 'Eve' }), sbs_mm: 'f'.repeat(32) } },
      first.visitorToken,
    );
    expect(bad.status).toBe(200);
    expect(bad.body.identityError).toBe('bad_signature');
    expect(bad.body.visitorToken).toBe(first.visitorToken);
    expect(bad.body.visitor).toEqual({ id: first.visitor.id, verified: true, displayName: 'Ada' });
    // Unsigned details from a failed link never overwrite a verified visitor's claims.
    const sessionId = await newSession(server.url, first.visitorToken);
    const detail = await agent(server.url, `/apps/demo_app/sessions/${sessionId}`);
    expect(detail.body.visitor.claims).toEqual({ name: 'Ada' });
  });

  it('resumes the same verified visitor for another link of the same customer', async () => {
    const first = await newVisitor(server.url, { identity: signedIdentity('102') });
    const again = await visitors({ locale: 'de', identity: signedIdentity('102', { name: 'Ada L.' }) }, first.visitorToken);
    expect(again.body.visitorToken).toBe(first.visitorToken);
    expect(again.body.visitor).toEqual({ id: first.visitor.id, verified: true, displayName: 'Ada L.' });
  });

  it('issues a new visitor when a verified token meets a link for another customer', async () => {
    const ada = await newVisitor(server.url, { identity: signedIdentity('103') });
    const adaSession = await newSession(server.url, ada.visitorToken);
    const bob = await visitors({ locale: 'en', identity: signedIdentity('104', { name: 'Bob' }) }, ada.visitorToken);
    expect(bob.status).toBe(201);
    expect(bob.body.visitorToken).not.toBe(ada.visitorToken);
    expect(bob.body.visitor.id).not.toBe(ada.visitor.id);
    expect(bob.body.visitor).toMatchObject({ verified: true, displayName: 'Bob' });
    expect((await call(server.url, `/api/apps/demo_app/sessions/${adaSession}`, { token: bob.body.visitorToken })).status).toBe(404);
  });

  it('treats an absent, unknown or malformed token as a new guest, never 401', async () => {
    for (const token of [undefined, 'A'.repeat(43), 'not a token', 'x']) {
      const answer = await visitors({ locale: 'en' }, token);
      expect(answer.status).toBe(201);
      expect(answer.body.visitor.verified).toBe(false);
    }
  });

  it('does not accept one app’s token for another app', async () => {
    const demo = await newVisitor(server.url);
    const other = await visitors({ locale: 'fr' }, demo.visitorToken, 'partner_app');
    expect(other.status).toBe(201);
    expect(other.body.visitorToken).not.toBe(demo.visitorToken);
    expect((await call(server.url, '/api/apps/partner_app/sessions', { token: demo.visitorToken })).status).toBe(401);
  });

  it('stores unsigned details as claims only and never merges customers by them', async () => {
    const ada = await newVisitor(server.url, {
      identity: signedIdentity('200', { name: 'Same Name', email: 'ada@example.com', phone: '+44 1' }),
      vars: { campaign: 'spring', orderId: 'A-1' },
    });
    const other = await newVisitor(server.url, { identity: signedIdentity('201', { name: 'Same Name' }) });
    const adaSession = await newSession(server.url, ada.visitorToken);
    expect((await call(server.url, `/api/apps/demo_app/sessions/${adaSession}`, { token: other.visitorToken })).status).toBe(404);

    const detail = await agent(server.url, `/apps/demo_app/sessions/${adaSession}`);
    expect(detail.body.visitor).toMatchObject({
      verified: true,
      customerId: '200',
      claims: { name: 'Same Name', email: 'ada@example.com', phone: '+44 1' },
      vars: { campaign: 'spring', orderId: 'A-1' },
    });
  });

  it('keeps a failed link’s details for a guest as claims, without a display name', async () => {
    const guest = await visitors({ locale: 'en', identity: { ...signedIdentity('300', { name: 'Claimed' }), sbs_mm: '1'.repeat(32) } });
    expect(guest.body.visitor.displayName).toBeUndefined();
    const sessionId = await newSession(server.url, guest.body.visitorToken);
    const detail = await agent(server.url, `/apps/demo_app/sessions/${sessionId}`);
    expect(detail.body.visitor).toMatchObject({ verified: false, claims: { name: 'Claimed' } });
    expect(detail.body.visitor.customerId).toBeUndefined();
  });

  it('merges input variables across visits and keeps them bounded', async () => {
    const first = await newVisitor(server.url, { vars: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'old'])) });
    await newVisitor(server.url, { token: first.visitorToken, vars: { k0: 'new', fresh: 'yes' } });
    const sessionId = await newSession(server.url, first.visitorToken);
    const vars = (await agent(server.url, `/apps/demo_app/sessions/${sessionId}`)).body.visitor.vars;
    expect(Object.keys(vars)).toHaveLength(20);
    expect(vars).toMatchObject({ k0: 'new', fresh: 'yes' });
    expect(vars.k1).toBeUndefined();
  });
});
