import { resolve } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { agent, call, newSession, newVisitor, sendText } from '../support/api-client';

export const INVITATION_APPS = resolve(__dirname, '../fixtures/deep-link-apps.json');
export const T0 = Date.parse('2026-12-01T09:00:00Z');
export const HOUR = 60 * 60 * 1000;

/** A server clock the test moves: each reading a millisecond later, like the system clock. */
export function movableClock(start = T0) {
  let base = start;
  let tick = 0;
  return {
    clock: { now: () => new Date(base + tick++).toISOString() },
    set(ms: number) {
      base = ms;
      tick = 0;
    },
  };
}

export async function putParticipants(baseUrl: string, appId: string, rows: unknown[]): Promise<void> {
  const answer = await agent(baseUrl, `/apps/${appId}/participants`, { method: 'PUT', body: rows });
  if (answer.status !== 200 || answer.body.rejected.length > 0) throw new Error(`participants: ${answer.status} ${answer.text}`);
}

export function emailInvitation(overrides: Record<string, unknown> = {}) {
  return {
    name: 'December check-in',
    locale: 'en',
    opensAt: new Date(T0).toISOString(),
    closesAt: new Date(T0 + 48 * HOUR).toISOString(),
    target: { kind: 'all' },
    localeMatchOnly: false,
    channel: 'email',
    messages: {
      en: { subject: 'Hi {{name}}, a word with us?', body: 'Hello {{name}},\nchat with us here: {{link}}\nYour {{plan}} team' },
      fr: { subject: 'Bonjour {{name}}, on discute ?', body: 'Bonjour {{name}},\nécrivez-nous ici : {{link}}' },
    },
    ...overrides,
  };
}

export async function createInvitation(baseUrl: string, appId: string, body: unknown): Promise<string> {
  const answer = await agent(baseUrl, `/apps/${appId}/invitations`, { body });
  if (answer.status !== 201) throw new Error(`create: ${answer.status} ${answer.text}`);
  return answer.body.invitation.id;
}

export const sendInvitation = (baseUrl: string, appId: string, id: string) => agent(baseUrl, `/apps/${appId}/invitations/${id}/send`, { body: {} });
export const readInvitation = (baseUrl: string, appId: string, id: string, query = '') => agent(baseUrl, `/apps/${appId}/invitations/${id}${query}`);

/** Polls the invitation until `done` holds (the worker runs on its own timer). */
export async function waitForInvitation(baseUrl: string, appId: string, id: string, done: (body: any) => boolean, timeoutMs = 10_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readInvitation(baseUrl, appId, id);
    if (done(answer.body)) return answer.body;
    if (Date.now() > deadline) throw new Error(`invitation never got there: ${answer.text}`);
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

/** The personal link in a mail's text. */
export function linkIn(mail: ParsedMail): string {
  const found = /https?:\/\/\S+\/p\/[A-Za-z0-9_-]{32}/.exec(mail.text ?? '');
  if (!found) throw new Error(`no personal link in ${mail.text}`);
  return found[0];
}

export const codeOfLink = (url: string) => new URL(url).pathname.split('/')[2]!;

/** The participant opens their link and writes: their response. */
export async function respond(baseUrl: string, appId: string, link: string): Promise<void> {
  const visitor = await newVisitor(baseUrl, { appId, deepLink: codeOfLink(link) });
  const session = await newSession(baseUrl, visitor.visitorToken, appId);
  const sent = await sendText(baseUrl, visitor.visitorToken, session, 'Hello, here I am', undefined, appId);
  if (sent.status !== 201) throw new Error(`respond: ${sent.status} ${sent.text}`);
}

export const deepLinkConfig = (baseUrl: string, link: string) => call(baseUrl, `/api/deep-links/${codeOfLink(link)}/config?locale=en`);

/** A header exactly as it arrived (mailparser folds List-* headers into an object of its own). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** The address in the mail's List-Unsubscribe header. */
export const unsubscribeAddress = (mail: ParsedMail) => /^<(.+)>$/.exec(rawHeader(mail, 'List-Unsubscribe') ?? '')?.[1] ?? '';
