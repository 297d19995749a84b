import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { ChatLinkState, LocaleCode, PublicChatLink } from '../../src/api/wire';
import { SUPPORTED_LOCALES, toBcp47 } from '../../src/i18n/locales';
import { formatMoment } from '../../src/i18n/format-moment';
import { setUpFakeBackendServer } from './support/fake-backend-server';
import { openPage } from './support/open-page';
import { readMessages } from './unit/support/locale-messages';

const { server, newBackend } = setUpFakeBackendServer();

function linkBackend(link: Partial<PublicChatLink> = {}) {
  const backend = newBackend();
  backend.links.set('spring-sale', { slug: 'spring-sale', appId: 'demo_app', locale: '*', state: 'active', ...link });
  return backend;
}

const text = (code: LocaleCode, key: string) => String(readMessages(code).get(key));

describe('chat link /c/<slug>: opening the chat', () => {
  it('a fixed-locale link opens in its language whatever the browser says, in one config call', async () => {
    const backend = linkBackend({ locale: 'fr' });
    const configCalls: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/config')) configCalls.push(new URL(request.url).pathname);
    });
    await openPage('/c/spring-sale?lang=ja', ['en-US']);
    expect(await screen.findByRole('textbox', { name: 'Votre message' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Demo Shop (fr)' })).toBeInTheDocument();
    expect(configCalls).toEqual(['/api/links/spring-sale/config']);
    expect(backend.linkConfigLocales).toEqual(['fr']);
  });

  it('a multilingual link takes lang=fr-ca, then the browser', async () => {
    linkBackend();
    await openPage('/c/spring-sale?lang=fr-ca', ['de-DE']);
    expect(await screen.findByRole('textbox', { name: 'Votre message' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Demo Shop (fr)' })).toBeInTheDocument();

    linkBackend();
    await openPage('/c/spring-sale', ['de-DE']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Shop (de)' })).toBeInTheDocument();
  });

  it('the first message starts a conversation from the link (its current slug, after a rename too)', async () => {
    const backend = newBackend();
    backend.links.set('old-name', { slug: 'new-name', appId: 'demo_app', locale: 'en', state: 'active' });
    await openPage('/c/old-name?campaign=mail');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'Hello{Enter}');
    await waitFor(() => expect(backend.sentBodies).toHaveLength(1));
    expect(backend.sessionBodies).toEqual([{ link: 'new-name' }]);
    expect(backend.visitorBodies[0]).toMatchObject({ vars: { campaign: 'mail' } });
  });

  it('an unknown or malformed slug gets the translated not-found screen, focused', async () => {
    newBackend();
    await openPage('/c/nothing-here', ['ja']);
    const heading = await screen.findByRole('heading', { level: 1, name: text('ja', 'errors.link_not_found.title') });
    await waitFor(() => expect(heading).toHaveFocus());

    let requests = 0;
    server.events.on('request:start', () => requests++);
    await openPage('/c/%3Cscript%3E', ['en']);
    expect(await screen.findByRole('heading', { level: 1, name: text('en', 'errors.link_not_found.title') })).toBeInTheDocument();
    expect(requests).toBe(0);
  });
});

describe('chat link states, in all nine languages', () => {
  const activeFrom = '2026-12-01T09:00:00.000Z';

  it.each(SUPPORTED_LOCALES)('%s: not yet active says from when, in the visitor language and zone', async (code) => {
    linkBackend({ state: 'not_yet_active', activeFrom, locale: code });
    await openPage('/c/spring-sale', ['en']);
    expect(await screen.findByRole('heading', { level: 1, name: text(code, 'errors.link_not_yet_active.title') })).toBeInTheDocument();
    const when = formatMoment(activeFrom, code);
    expect(when).toContain(new Intl.DateTimeFormat(toBcp47(code), { year: 'numeric' }).format(new Date(activeFrom)));
    expect(screen.getByText(text(code, 'errors.link_not_yet_active.body').replace('{{when}}', when))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: text(code, 'errors.checkAgain') })).toBeInTheDocument();
  });

  it.each(SUPPORTED_LOCALES.flatMap((code) => (['expired', 'disabled'] as ChatLinkState[]).map((state) => [code, state] as const)))(
    '%s: %s link',
    async (code, state) => {
      linkBackend({ state, locale: code });
      await openPage('/c/spring-sale', ['en']);
      const key = `errors.link_${state}`;
      expect(await screen.findByRole('heading', { level: 1, name: text(code, `${key}.title`) })).toBeInTheDocument();
      expect(screen.getByText(text(code, `${key}.body`))).toBeInTheDocument();
      expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    },
  );

  it('"Check again" opens the chat once the link is active', async () => {
    const backend = linkBackend({ state: 'not_yet_active', activeFrom });
    await openPage('/c/spring-sale');
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Check again' });
    backend.links.set('spring-sale', { slug: 'spring-sale', appId: 'demo_app', locale: '*', state: 'active' });
    await user.click(button);
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toBeInTheDocument();
  });

  it.each(SUPPORTED_LOCALES)('%s: at the use limit, the visitor is offered their existing conversation', async (code) => {
    const backend = linkBackend({ locale: code });
    backend.linksAtLimit.add('spring-sale');
    await openPage('/c/spring-sale', ['en']);
    const user = userEvent.setup();
    const composer = await screen.findByRole('textbox', { name: text(code, 'composer.label') });
    await waitFor(() => expect(backend.visitors).toHaveLength(1));
    const earlier = backend.addSessionFor(backend.visitors[0].token, ['Your order shipped.']);
    await user.type(composer, 'One more question{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: text(code, 'errors.link_limit_reached.title') });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(backend.sentBodies).toHaveLength(0);

    await user.keyboard('{Tab}{Enter}');
    const log = await screen.findByRole('log');
    expect(await within(log.parentElement!).findByText('Your order shipped.')).toBeInTheDocument();
    expect(backend.sessions.size).toBe(1);
    expect(earlier.status).toBe('open');
    // The refused message is kept, not lost: Retry sends it into this conversation.
    await user.click(screen.getByRole('button', { name: text(code, 'log.retry') }));
    await waitFor(() => expect(backend.sentBodies).toMatchObject([{ text: 'One more question' }]));
    expect(earlier.messages.at(-1)?.text).toBe('One more question');
  });
});

describe('a personal deep link made for a chat link (/p/<code>)', () => {
  const code = 'A'.repeat(32);

  it("opens in the link's fixed language and starts the conversation with the link", async () => {
    const backend = newBackend();
    backend.deepLinks.set(code, { linkSlug: 'printemps', locale: 'fr' });
    await openPage(`/p/${code}`, ['en-US']);
    const composer = await screen.findByRole('textbox', { name: 'Votre message' });
    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Demo Shop (fr)' })).toBeInTheDocument();
    await userEvent.setup().type(composer, 'Bonjour{Enter}');
    await waitFor(() => expect(backend.sentBodies).toHaveLength(1));
    expect(backend.sessionBodies).toEqual([{ link: 'printemps' }]);
    expect(backend.visitorBodies[0]).toMatchObject({ deepLink: code });
  });

  it('a deep link of the app itself keeps the browser language and starts a plain conversation', async () => {
    const backend = newBackend();
    backend.deepLinks.set(code, {});
    await openPage(`/p/${code}`, ['en-US']);
    await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), 'Hello{Enter}');
    await waitFor(() => expect(backend.sentBodies).toHaveLength(1));
    expect(backend.sessionBodies).toEqual([{}]);
  });
});
