import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { LinkLocale, LocaleCode } from '../../src/api/wire';
import { SUPPORTED_LOCALES, toBcp47 } from '../../src/i18n/locales';
import { formatMoment } from '../../src/i18n/format-moment';
import type { AgentChatLink, ChatLinkPatch } from '../../server/links/agent-link-wire';
import { openPage } from './support/open-page';
import { recordRequests, SESSIONS } from './support/page-requests';
import { SESSION_KEY, TOKEN_KEY, useRealServer } from './support/real-server';
import { readMessages } from './unit/support/locale-messages';

const server = useRealServer();
const { faults } = server;

const text = (code: LocaleCode, key: string) => String(readMessages(code).get(key));
const frTitle = 'Assistance Demo Shop';

let links = 0;
/** A chat link of demo_app, made through the agent API as the console makes it; a fresh slug each time. */
async function newLink(fields: { locale: LinkLocale; activeFrom?: string; expiresAt?: string; perParticipantLimit?: number }): Promise<AgentChatLink> {
  const slug = `link-${++links}-${Date.now().toString(36)}`;
  const response = await server.agent('POST', '/links', { name: slug, slug, ...fields });
  if (response.status !== 201) throw new Error(`new link: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { link: AgentChatLink }).link;
}

async function changeLink(link: AgentChatLink, patch: ChatLinkPatch): Promise<AgentChatLink> {
  const response = await server.agent('PATCH', `/links/${link.id}`, patch);
  if (!response.ok) throw new Error(`change link: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { link: AgentChatLink }).link;
}

async function linkTotals(link: AgentChatLink) {
  return ((await (await server.agent('GET', `/links/${link.id}`)).json()) as { link: AgentChatLink }).link.totals;
}

/** A personal deep link made through the public API with a fresh API key, for the app or one of its chat links. */
async function newDeepLink(scenarioId: string): Promise<string> {
  const made = await server.agent('POST', '/api-keys', { name: `web ${Date.now()}` });
  const { key } = (await made.json()) as { key: string };
  const response = await fetch(`${server.url}/public/api/generate-webchat-deep-link`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario_id: scenarioId, dataset: [{ user_id: `u-${Date.now()}`, attributes: { plan: 'gold' } }] }),
  });
  if (response.status !== 201) throw new Error(`deep link: ${response.status} ${await response.text()}`);
  const [{ url }] = (await response.json()) as Array<{ url: string }>;
  return new URL(url).pathname.split('/').pop()!;
}

const bodiesOf = (requests: Request[]) => Promise.all(requests.map((request) => request.clone().json() as Promise<Record<string, unknown>>));
const configPaths = () => recordRequests(faults, 'GET', /\/config$/);

describe('chat link /c/<slug>: opening the chat', () => {
  it('a fixed-locale link opens in its language whatever the browser says, in one config call', async () => {
    const link = await newLink({ locale: 'fr' });
    const configs = configPaths();
    await openPage(`/c/${link.slug}?lang=ja`, ['en-US']);
    expect(await screen.findByRole('textbox', { name: 'Votre message' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('heading', { level: 1, name: frTitle })).toBeInTheDocument();
    // One call: the page asks in the language it guessed, and the link's answer names its own.
    expect(configs.map((request) => new URL(request.url).pathname)).toEqual([`/api/links/${link.slug}/config`]);
  });

  it('a multilingual link takes lang=fr-ca, then the browser', async () => {
    const link = await newLink({ locale: '*' });
    await openPage(`/c/${link.slug}?lang=fr-ca`, ['de-DE']);
    expect(await screen.findByRole('textbox', { name: 'Votre message' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: frTitle })).toBeInTheDocument();

    await openPage(`/c/${link.slug}`, ['de-DE']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Shop Kundenservice' })).toBeInTheDocument();
  });

  it('the first message starts a conversation from the link (its current slug, after a rename too)', async () => {
    const link = await newLink({ locale: 'en' });
    const renamed = await changeLink(link, { slug: `${link.slug}-new` });
    const starts = recordRequests(faults, 'POST', SESSIONS);
    const visitors = recordRequests(faults, 'POST', /\/apps\/demo_app\/visitors$/);
    await openPage(`/c/${link.slug}?campaign=mail`);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'Hello{Enter}');
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['Hello']));
    expect(await bodiesOf(starts)).toEqual([{ link: renamed.slug }]);
    expect((await bodiesOf(visitors))[0]).toMatchObject({ vars: { campaign: 'mail' } });
    expect(await linkTotals(link)).toMatchObject({ conversations: 1, messages: 1 });
  });

  it('an unknown or malformed slug gets the translated not-found screen, focused', async () => {
    await openPage('/c/nothing-here', ['ja']);
    const heading = await screen.findByRole('heading', { level: 1, name: text('ja', 'errors.link_not_found.title') });
    await waitFor(() => expect(heading).toHaveFocus());

    let requests = 0;
    faults.events.on('request:start', () => requests++);
    await openPage('/c/%3Cscript%3E', ['en']);
    expect(await screen.findByRole('heading', { level: 1, name: text('en', 'errors.link_not_found.title') })).toBeInTheDocument();
    expect(requests).toBe(0);
  });
});

describe('chat link states, in all nine languages', () => {
  const activeFrom = '2030-12-01T09:00:00.000Z';

  it.each(SUPPORTED_LOCALES)('%s: not yet active says from when, in the visitor language and zone', async (code) => {
    const link = await newLink({ locale: code, activeFrom });
    await openPage(`/c/${link.slug}`, ['en']);
    expect(await screen.findByRole('heading', { level: 1, name: text(code, 'errors.link_not_yet_active.title') })).toBeInTheDocument();
    const when = formatMoment(activeFrom, code);
    expect(when).toContain(new Intl.DateTimeFormat(toBcp47(code), { year: 'numeric' }).format(new Date(activeFrom)));
    expect(screen.getByText(text(code, 'errors.link_not_yet_active.body').replace('{{when}}', when))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: text(code, 'errors.checkAgain') })).toBeInTheDocument();
  });

  it.each(SUPPORTED_LOCALES)('%s: an expired link, and a disabled one', async (code) => {
    const expired = await newLink({ locale: code, activeFrom: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z' });
    const disabled = await changeLink(await newLink({ locale: code }), { disabled: true });
    for (const [link, state] of [[expired, 'expired'], [disabled, 'disabled']] as const) {
      await openPage(`/c/${link.slug}`, ['en']);
      const key = `errors.link_${state}`;
      expect(await screen.findByRole('heading', { level: 1, name: text(code, `${key}.title`) })).toBeInTheDocument();
      expect(screen.getByText(text(code, `${key}.body`))).toBeInTheDocument();
      expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    }
  });

  it('"Check again" opens the chat once the link is active', async () => {
    const link = await newLink({ locale: '*', activeFrom });
    await openPage(`/c/${link.slug}`);
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Check again' });
    await changeLink(link, { activeFrom: null });
    await user.click(button);
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toBeInTheDocument();
  });

  it.each(SUPPORTED_LOCALES)('%s: at the use limit, the visitor is offered their existing conversation', async (code) => {
    const link = await newLink({ locale: code, perParticipantLimit: 1 });
    const user = userEvent.setup();
    await openPage(`/c/${link.slug}`, ['en']);
    await user.type(await screen.findByRole('textbox', { name: text(code, 'composer.label') }), 'First question{Enter}');
    await waitFor(async () => expect(await linkTotals(link)).toMatchObject({ conversations: 1, messages: 1 }));
    const [earlier] = await server.sessionsOf(localStorage.getItem(TOKEN_KEY)!);
    await server.agentSays(earlier.id, 'Your order shipped.');

    // The same visitor comes back without its open conversation (another tab, cleared history) and writes again.
    localStorage.removeItem(SESSION_KEY);
    await openPage(`/c/${link.slug}`, ['en']);
    await user.type(await screen.findByRole('textbox', { name: text(code, 'composer.label') }), 'One more question{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: text(code, 'errors.link_limit_reached.title') });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await linkTotals(link)).toMatchObject({ conversations: 1, messages: 1 });

    await user.keyboard('{Tab}{Enter}');
    const log = await screen.findByRole('log');
    expect(await within(log.parentElement!).findByText('Your order shipped.')).toBeInTheDocument();
    // The refused message is kept, not lost: Retry sends it into this conversation.
    await user.click(screen.getByRole('button', { name: text(code, 'log.retry') }));
    await waitFor(async () => expect((await server.transcript(earlier.id)).at(-1)?.text).toBe('One more question'));
    expect(await server.sessionsOf(localStorage.getItem(TOKEN_KEY)!)).toHaveLength(1);
  });
});

describe('a personal deep link (/p/<code>)', () => {
  it("made for a chat link: opens in the link's fixed language and starts the conversation with the link", async () => {
    const link = await newLink({ locale: 'fr' });
    const code = await newDeepLink(link.slug);
    const starts = recordRequests(faults, 'POST', SESSIONS);
    const visitors = recordRequests(faults, 'POST', /\/apps\/demo_app\/visitors$/);
    await openPage(`/p/${code}`, ['en-US']);
    const composer = await screen.findByRole('textbox', { name: 'Votre message' });
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('heading', { level: 1, name: frTitle })).toBeInTheDocument();
    await userEvent.setup().type(composer, 'Bonjour{Enter}');
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['Bonjour']));
    expect(await bodiesOf(starts)).toEqual([{ link: link.slug }]);
    expect((await bodiesOf(visitors))[0]).toMatchObject({ deepLink: code });
    expect(await linkTotals(link)).toMatchObject({ conversations: 1 });
  });

  it('made for the app itself: keeps the browser language and starts a plain conversation', async () => {
    const code = await newDeepLink('demo_app');
    const starts = recordRequests(faults, 'POST', SESSIONS);
    await openPage(`/p/${code}`, ['en-US']);
    await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), 'Hello{Enter}');
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['Hello']));
    expect(await bodiesOf(starts)).toEqual([{}]);
  });
});
