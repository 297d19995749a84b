import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { createInvitation, emailInvitation, HOUR, INVITATION_APPS, movableClock, putParticipants, sendInvitation, T0, waitForInvitation } from './support';

let server: TestServer;
let mail: MailCatcher;
const time = movableClock();

beforeAll(async () => {
  mail = await startMailCatcher(3, ['gone@example.com']);
  server = await startTestServer({ appsFile: INVITATION_APPS, smtpUrl: mail.url, mailFrom: 'Shop <support@shop.example>', invitationRate: 50 });
  server.context.clock = time.clock;
  await putParticipants(server.url, 'shop', [
    { externalId: 'kim', email: 'kim@example.com', locale: 'en', attributes: { name: 'Kim' } },
    { externalId: 'gus', email: 'gone@example.com', locale: 'en', attributes: { name: 'Gus' } },
  ]);
});
afterAll(async () => {
  await server?.destroy();
  await mail?.close();
});

it('counts a recipient the mail server refuses as bounced, with its reason on the timeline, and sends the others', async () => {
  time.set(T0 + HOUR);
  const id = await createInvitation(server.url, 'shop', emailInvitation());
  expect((await sendInvitation(server.url, 'shop', id)).status).toBe(202);
  const done = await waitForInvitation(server.url, 'shop', id, (body) => body.invitation.counts.queued === 0 && body.invitation.counts.sent + body.invitation.counts.bounced === 2);
  expect(done.invitation.counts).toMatchObject({ audience: 2, sent: 1, bounced: 1, failed: 0, unknown: 0 });
  const gus = done.recipients.find((recipient: { externalId: string }) => recipient.externalId === 'gus');
  expect(gus).toMatchObject({ status: 'bounced', address: expect.stringMatching(/^g\*+@example\.com$/) });
  expect(gus.error).toEqual(expect.any(String));
  expect(gus.timeline.map((step: { event: string }) => step.event)).toContain('bounced');
  expect((await mail.waitFor(1)).map((received) => received.to && 'text' in received.to ? received.to.text : '')).toEqual(['kim@example.com']);
});
