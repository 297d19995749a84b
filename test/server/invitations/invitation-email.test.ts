import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, call } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import {
  codeOfLink,
  createInvitation,
  deepLinkConfig,
  emailInvitation,
  HOUR,
  INVITATION_APPS,
  linkIn,
  movableClock,
  putParticipants,
  rawHeader,
  readInvitation,
  respond,
  sendInvitation,
  T0,
  unsubscribeAddress,
  waitForInvitation,
} from './support';

const FROM = 'Shop Support <support@shop.example>';
let server: TestServer;
let mail: MailCatcher;
const time = movableClock();

beforeAll(async () => {
  mail = await startMailCatcher(0);
  server = await startTestServer({ appsFile: INVITATION_APPS, smtpUrl: mail.url, mailFrom: FROM, invitationRate: 50 });
  server.context.clock = time.clock;
  await putParticipants(server.url, 'shop', [
    { externalId: 'ann', email: 'ann@example.com', locale: 'en', attributes: { name: 'Ann', plan: 'premium' } },
    { externalId: 'bea', email: 'bea@example.fr', locale: 'fr', attributes: { name: 'Béa' } },
    { externalId: 'cal', email: 'cal@example.com', locale: 'de', attributes: { name: 'Cal' } },
    { externalId: 'dan', phone: '+33612345678', attributes: { name: 'Dan' } },
    { externalId: 'eve', email: 'eve@example.com', subscribed: false, attributes: { name: 'Eve' } },
  ]);
});
afterAll(async () => {
  await server?.destroy();
  await mail?.close();
});

describe('an email invitation, end to end', () => {
  it('creates a draft, sends it through SMTP in each recipient\'s language, and reports every recipient', async () => {
    time.set(T0 + HOUR);
    const id = await createInvitation(server.url, 'shop', emailInvitation());
    const draft = await readInvitation(server.url, 'shop', id);
    expect(draft.status).toBe(200);
    expect(draft.body.invitation).toMatchObject({ id, status: 'draft', channel: 'email', locale: 'en', counts: { audience: 0 } });
    expect(draft.body.recipients).toEqual([]);

    const sent = await sendInvitation(server.url, 'shop', id);
    expect(sent.status).toBe(202);
    expect(sent.body.invitation.status).toBe('sending');
    expect(sent.body.invitation.counts).toMatchObject({ audience: 5, skipped: 2 });

    const mails = await mail.waitFor(3);
    const done = await waitForInvitation(server.url, 'shop', id, (body) => body.invitation.status === 'sent');
    expect(done.counts).toMatchObject({ audience: 5, queued: 0, sent: 3, failed: 0, skipped: 2, unknown: 0 });

    const byRecipient = new Map(mails.map((received) => [(received.to as { text: string }).text, received]));
    const ann = byRecipient.get('ann@example.com')!;
    expect(ann.subject).toBe('Hi Ann, a word with us?');
    expect(ann.text).toContain('Hello Ann,');
    expect(ann.text).toContain('Your premium team');
    expect(ann.from?.text).toBe('"Shop Support" <support@shop.example>');
    // Béa prefers French and the invitation has a French message; Cal prefers German, which it has not: English.
    expect(byRecipient.get('bea@example.fr')!.subject).toBe('Bonjour Béa, on discute ?');
    expect(byRecipient.get('cal@example.com')!.subject).toBe('Hi Cal, a word with us?');
    expect(byRecipient.get('cal@example.com')!.text).toContain('Your  team');

    // Each mail has its own personal link and one-click unsubscribe (RFC 8058).
    const links = mails.map(linkIn);
    expect(new Set(links).size).toBe(3);
    for (const received of mails) {
      expect(linkIn(received).startsWith(server.url)).toBe(true);
      expect(rawHeader(received, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(unsubscribeAddress(received)).toMatch(new RegExp(`^${server.url}/u/[A-Za-z0-9_-]{32}$`));
    }

    const recipients = new Map<string, any>(done.recipients.map((recipient: any) => [recipient.externalId, recipient]));
    expect(recipients.get('ann')).toMatchObject({ channel: 'email', address: 'a***@example.com', locale: 'en', status: 'sent' });
    expect(recipients.get('bea')).toMatchObject({ locale: 'fr', status: 'sent' });
    expect(recipients.get('dan')).toMatchObject({ status: 'skipped', skipReason: 'no_address', address: null });
    expect(recipients.get('eve')).toMatchObject({ status: 'skipped', skipReason: 'unsubscribed' });
    expect(recipients.get('ann').timeline.map((entry: { event: string }) => entry.event)).toEqual(['queued', 'sending', 'sent']);
    // Addresses are masked everywhere in the answer.
    expect(JSON.stringify(done)).not.toContain('ann@example.com');

    // The link opens the app's chat as that participant, with the personalized welcome: opened, then responded.
    const config = await deepLinkConfig(server.url, linkIn(ann));
    expect(config.body.deepLink.state).toBe('active');
    await respond(server.url, 'shop', linkIn(ann));
    const after = await readInvitation(server.url, 'shop', id);
    expect(after.body.counts).toMatchObject({ opened: 1, responded: 1 });
    const annNow = after.body.recipients.find((recipient: any) => recipient.externalId === 'ann');
    expect(annNow.timeline.map((entry: { event: string }) => entry.event)).toEqual(['queued', 'sending', 'sent', 'opened', 'responded']);

    // A sent invitation is no longer a draft.
    expect((await agent(server.url, `/apps/shop/invitations/${id}`, { method: 'PATCH', body: { name: 'x' } })).body.error.code).toBe('invitation_not_draft');
    expect((await sendInvitation(server.url, 'shop', id)).status).toBe(409);
    const list = await agent(server.url, '/apps/shop/invitations');
    expect(list.body.channels).toEqual({ email: { configured: true }, sms: { configured: false, missing: ['SMS_API_URL', 'SMS_ACCOUNT_ID', 'SMS_AUTH_TOKEN', 'SMS_FROM'] } });
    expect(list.body.invitations.map((invitation: { id: string }) => invitation.id)).toContain(id);
    expect(codeOfLink(links[1]!)).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('previews the message a real participant would get, without issuing a link', async () => {
    const id = await createInvitation(server.url, 'shop', emailInvitation());
    const preview = await agent(server.url, `/apps/shop/invitations/${id}/preview`, { body: { externalId: 'bea' } });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Bonjour Béa, on discute ?');
    expect(preview.body.body).toContain('écrivez-nous ici');
    expect((await agent(server.url, `/apps/shop/invitations/${id}/preview`, { body: { externalId: 'nobody' } })).body.error.code).toBe('participant_not_found');
  });

  it('refuses a bad definition with every problem as a pointer', async () => {
    const answer = await agent(server.url, '/apps/shop/invitations', {
      body: emailInvitation({ locale: 'ja', closesAt: new Date(T0 - HOUR).toISOString(), messages: { en: { body: 'no link here' } }, target: { kind: 'ids', externalIds: [] } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_request');
    const pointers = answer.body.error.details.map((detail: { pointer: string }) => detail.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/locale', '/messages/en/body', '/target/externalIds']));

    const window = await agent(server.url, '/apps/shop/invitations', { body: emailInvitation({ closesAt: new Date(T0 - HOUR).toISOString() }) });
    expect(window.body.error.details).toEqual([{ pointer: '/closesAt', message: 'The invitation must close after it opens.' }]);
    const noSubject = await agent(server.url, '/apps/shop/invitations', { body: emailInvitation({ messages: { en: { body: 'Hi {{link}}' } } }) });
    expect(noSubject.body.error.details).toEqual([{ pointer: '/messages/en/subject', message: 'An email needs a subject.' }]);
    expect((await readInvitation(server.url, 'shop', 'i_missing')).body.error.code).toBe('invitation_not_found');
    expect((await readInvitation(server.url, 'other', 'i_missing')).status).toBe(404);
  });
});

describe('one-click unsubscribe', () => {
  it('GET shows a translated confirm page and changes nothing; POST unsubscribes the participant', async () => {
    time.set(T0 + 2 * HOUR);
    const before = mail.mails.length;
    const id = await createInvitation(server.url, 'shop', emailInvitation({ target: { kind: 'ids', externalIds: ['bea'] } }));
    await sendInvitation(server.url, 'shop', id);
    const [received] = (await mail.waitFor(before + 1)).slice(before);
    const path = new URL(unsubscribeAddress(received!)).pathname;

    const page = await call(server.url, path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Se désabonner de Support Shop\u202f?'); // the app's French title
    expect(page.text).toContain('<form method="post">');
    const participants = async () => (await agent(server.url, '/apps/shop/participants?q=bea')).body.participants[0];
    expect((await participants()).subscribed).toBe(true);

    // What a mail client sends for List-Unsubscribe-Post.
    const posted = await call(server.url, path, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.status).toBe(200);
    expect(posted.text).toContain('Vous êtes désabonné');
    expect((await participants()).subscribed).toBe(false);

    // The next invitation skips her.
    const next = await createInvitation(server.url, 'shop', emailInvitation({ target: { kind: 'ids', externalIds: ['bea'] } }));
    expect((await sendInvitation(server.url, 'shop', next)).body.invitation.counts).toMatchObject({ skipped: 1, audience: 1 });
    const unknown = await call(server.url, `/u/${'A'.repeat(32)}`, { headers: { 'accept-language': 'de-AT,de;q=0.9' } });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Dieser Link funktioniert nicht');
  });
});

describe('window and response limit', () => {
  it('waits for the window to open, closes at the response limit, and a closed invitation\'s links say so', async () => {
    time.set(T0 + 3 * HOUR);
    const opensAt = T0 + 5 * HOUR;
    const before = mail.mails.length;
    const id = await createInvitation(
      server.url,
      'shop',
      emailInvitation({ opensAt: new Date(opensAt).toISOString(), closesAt: new Date(opensAt + 24 * HOUR).toISOString(), responseLimit: 1, target: { kind: 'ids', externalIds: ['ann', 'cal'] } }),
    );
    expect((await sendInvitation(server.url, 'shop', id)).body.invitation.status).toBe('scheduled');
    await new Promise((wake) => setTimeout(wake, 1200));
    expect(mail.mails.length).toBe(before);
    expect((await readInvitation(server.url, 'shop', id)).body.counts.queued).toBe(2);

    time.set(opensAt);
    const mails = (await mail.waitFor(before + 2)).slice(before);
    await waitForInvitation(server.url, 'shop', id, (body) => body.invitation.status === 'sent');
    await respond(server.url, 'shop', linkIn(mails[0]!));
    const closed = await readInvitation(server.url, 'shop', id);
    expect(closed.body.invitation).toMatchObject({ status: 'closed', closedReason: 'limit' });
    expect(closed.body.counts.responded).toBe(1);

    // The other recipient's link now opens the "invitation closed" screen; it can no longer start a chat.
    const other = linkIn(mails[1]!);
    expect((await deepLinkConfig(server.url, other)).body.deepLink.state).toBe('invitation_closed');
    const visitor = await call(server.url, '/api/apps/shop/visitors', { body: { locale: 'en', deepLink: codeOfLink(other) } });
    expect(visitor.status).toBe(410);
    expect(visitor.body.error.code).toBe('deep_link_invitation_closed');
  });

  it('cancelled before its window opens: nobody is sent, everyone still queued is skipped, and cancelling again changes nothing', async () => {
    time.set(T0 + 50 * HOUR);
    const id = await createInvitation(
      server.url,
      'shop',
      emailInvitation({ opensAt: new Date(T0 + 60 * HOUR).toISOString(), closesAt: new Date(T0 + 61 * HOUR).toISOString(), target: { kind: 'ids', externalIds: ['ann', 'cal'] } }),
    );
    await sendInvitation(server.url, 'shop', id);
    const before = mail.mails.length;
    const cancel = await agent(server.url, `/apps/shop/invitations/${id}/cancel`, { body: {} });
    expect(cancel.status).toBe(200);
    expect(cancel.body.invitation).toMatchObject({ status: 'cancelled', closedReason: 'cancelled' });
    expect(cancel.body.invitation.counts).toMatchObject({ audience: 2, queued: 0, skipped: 2 });
    const read = await readInvitation(server.url, 'shop', id);
    expect(read.body.recipients.map((r: { status: string; skipReason?: string }) => `${r.status}:${r.skipReason}`)).toEqual(['skipped:closed', 'skipped:closed']);

    const again = await agent(server.url, `/apps/shop/invitations/${id}/cancel`, { body: {} });
    expect(again.body.invitation).toMatchObject({ status: 'cancelled', closedAt: cancel.body.invitation.closedAt });
    time.set(T0 + 60 * HOUR + 1000);
    await new Promise((wake) => setTimeout(wake, 600));
    expect(mail.mails.length).toBe(before);
  });

  it('closes when the window ends, before sending everyone if need be', async () => {
    time.set(T0 + 30 * HOUR);
    const id = await createInvitation(
      server.url,
      'shop',
      emailInvitation({ opensAt: new Date(T0 + 40 * HOUR).toISOString(), closesAt: new Date(T0 + 41 * HOUR).toISOString(), target: { kind: 'ids', externalIds: ['ann'] } }),
    );
    await sendInvitation(server.url, 'shop', id);
    const before = mail.mails.length;
    time.set(T0 + 42 * HOUR);
    const done = await waitForInvitation(server.url, 'shop', id, (body) => body.invitation.status === 'closed');
    expect(done.invitation.closedReason).toBe('window');
    // Never sent now: skipped, with the reason on the recipient and their timeline, so nothing looks still pending.
    expect(done.counts).toMatchObject({ queued: 0, sent: 0, skipped: 1 });
    const [ann] = done.recipients;
    expect(ann).toMatchObject({ status: 'skipped', skipReason: 'closed' });
    expect(ann.timeline.map((entry: { event: string }) => entry.event)).toEqual(['queued', 'skipped: closed']);
    await new Promise((wake) => setTimeout(wake, 600));
    expect(mail.mails.length).toBe(before);
  });
});
