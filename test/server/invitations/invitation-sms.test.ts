import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smsCallbackSignature } from '../../../server/invitations/sms-signature';
import { agent, call } from '../support/api-client';
import { startTestServer, TEST_ENGINE, type TestServer } from '../support/test-server';
import { createInvitation, emailInvitation, HOUR, INVITATION_APPS, movableClock, putParticipants, sendInvitation, T0, waitForInvitation } from './support';

// A local HTTP fake of an SMS provider's messages API (ports 4425-4429 of this task, one per engine).
const PROVIDER_PORT = TEST_ENGINE === 'postgres' ? 4427 : 4425;
const AUTH_TOKEN = 'sms-auth-token-for-tests';
const received: Array<{ authorization?: string; form: Record<string, string> }> = [];
let provider: Server;
let server: TestServer;
const time = movableClock();

beforeAll(async () => {
  provider = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      received.push({ authorization: request.headers.authorization, form });
      response.setHeader('content-type', 'application/json');
      if (request.url !== '/v1/Accounts/AC1/Messages.json') return response.writeHead(404).end('{}');
      if (form.To === '+15550000000') return response.writeHead(400).end(JSON.stringify({ message: 'The To number is not a valid phone number' }));
      response.writeHead(201).end(JSON.stringify({ sid: `SM${received.length}`, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => provider.listen(PROVIDER_PORT, '127.0.0.1', resolve));
  server = await startTestServer({
    appsFile: INVITATION_APPS,
    sms: { apiUrl: `http://127.0.0.1:${PROVIDER_PORT}/v1/Accounts/AC1`, accountId: 'AC1', authToken: AUTH_TOKEN, from: '+15551234567' },
    invitationRate: 50,
  });
  server.context.clock = time.clock;
  await putParticipants(server.url, 'shop', [
    { externalId: 'ann', phone: '+33612345678', locale: 'fr', attributes: { name: 'Ann' } },
    { externalId: 'bad', phone: '+15550000000', attributes: { name: 'Bad' } },
    { externalId: 'mel', email: 'mel@example.com', attributes: { name: 'Mel' } },
  ]);
});
afterAll(async () => {
  await server?.destroy();
  await new Promise((resolve) => provider?.close(resolve));
});

const smsInvitation = emailInvitation({
  channel: 'sms',
  messages: { en: { body: 'Hi {{name}}, chat with us: {{link}}' }, fr: { body: 'Bonjour {{name}}, écrivez-nous : {{link}}' } },
});

function callback(params: Record<string, string>, signature = smsCallbackSignature(AUTH_TOKEN, `${server.url}/hooks/sms-status`, params)) {
  return call(server.url, '/hooks/sms-status', {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-signature': signature },
  });
}

it('sends through the provider API, records failures, and takes signed delivery reports', async () => {
  time.set(T0 + HOUR);
  const id = await createInvitation(server.url, 'shop', smsInvitation);
  expect((await sendInvitation(server.url, 'shop', id)).status).toBe(202);
  const done = await waitForInvitation(server.url, 'shop', id, (body) => body.invitation.status === 'sent');
  expect(done.counts).toMatchObject({ audience: 3, sent: 1, failed: 1, skipped: 1 });

  const toAnn = received.find((entry) => entry.form.To === '+33612345678')!;
  expect(toAnn.authorization).toBe(`Basic ${Buffer.from(`AC1:${AUTH_TOKEN}`).toString('base64')}`);
  expect(toAnn.form).toMatchObject({ From: '+15551234567', StatusCallback: `${server.url}/hooks/sms-status` });
  expect(toAnn.form.Body).toMatch(new RegExp(`^Bonjour Ann, écrivez-nous : ${server.url}/p/[A-Za-z0-9_-]{32}\\?lang=en$`));

  const recipients = new Map<string, any>(done.recipients.map((recipient: any) => [recipient.externalId, recipient]));
  expect(recipients.get('ann')).toMatchObject({ channel: 'sms', address: '+33*******78', status: 'sent' });
  expect(recipients.get('bad')).toMatchObject({ status: 'failed', error: 'provider answered 400: The To number is not a valid phone number' });
  expect(recipients.get('mel')).toMatchObject({ status: 'skipped', skipReason: 'no_address' });

  // Delivery reports: a forged one is refused; a signed "delivered" joins the timeline.
  const sid = `SM${received.indexOf(toAnn) + 1}`;
  const forged = await callback({ MessageSid: sid, MessageStatus: 'undelivered' }, 'bm90IGEgc2lnbmF0dXJl');
  expect(forged.status).toBe(403);
  expect(forged.body.error.code).toBe('invalid_signature');
  expect((await callback({ MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(204);
  const after = await agent(server.url, `/apps/shop/invitations/${id}`);
  const ann = after.body.recipients.find((recipient: any) => recipient.externalId === 'ann');
  expect(ann.status).toBe('sent');
  expect(ann.timeline.map((entry: { event: string }) => entry.event)).toEqual(['queued', 'sending', 'sent', 'delivered']);

  // A later "undelivered" report marks it failed.
  expect((await callback({ MessageSid: sid, MessageStatus: 'undelivered' })).status).toBe(204);
  expect((await agent(server.url, `/apps/shop/invitations/${id}`)).body.counts).toMatchObject({ sent: 0, failed: 2 });
});

it('without SMTP settings, the list says what to configure and send refuses with channel_not_configured', async () => {
  const list = await agent(server.url, '/apps/shop/invitations');
  expect(list.body.channels).toEqual({ email: { configured: false, missing: ['SMTP_URL', 'DIRECT_CHAT_MAIL_FROM'] }, sms: { configured: true } });
  const id = await createInvitation(server.url, 'shop', emailInvitation());
  const refused = await sendInvitation(server.url, 'shop', id);
  expect(refused.status).toBe(409);
  expect(refused.body.error).toMatchObject({ code: 'channel_not_configured', details: { missing: ['SMTP_URL', 'DIRECT_CHAT_MAIL_FROM'] } });
  expect((await agent(server.url, `/apps/shop/invitations/${id}`)).body.invitation.status).toBe('draft');
});
