import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { newSession, newVisitor, sendText, signedIdentity } from '../server/support/api-client';
import { openPage } from './support/open-page';
import { EVENTS, MESSAGES, nextAnswer, recordRequests } from './support/page-requests';
import { SESSION_KEY, TOKEN_KEY, useRealServer } from './support/real-server';

const server = useRealServer();
const { faults } = server;

const composer = () => screen.getByRole('textbox', { name: 'Your message' });
const log = () => screen.getByRole('log');
const token = () => localStorage.getItem(TOKEN_KEY)!;
const bodiesOf = (requests: Request[]) => Promise.all(requests.map((request) => request.clone().json() as Promise<Record<string, unknown>>));
/** The page's visitor, once the page has one. */
async function pageVisitor(): Promise<string> {
  await waitFor(() => expect(localStorage.getItem(TOKEN_KEY)).toBeTruthy());
  return token();
}
const conversationCount = async () => (await server.sessionsOf(token())).length;
const texts = async (sessionId: string) => (await server.transcript(sessionId)).map((message) => message.text);

describe('chat screen', () => {
  it('shows the app branding in the visitor language', async () => {
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Shop support' })).toBeInTheDocument();
    expect(screen.getByText('Hi! How can we help?')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Demo Shop logo' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(document.title).toBe('Demo Shop support'));
  });

  it('sends with Enter, makes a new line with Shift+Enter, and never sends an empty message', async () => {
    const sends = recordRequests(faults, 'POST', MESSAGES);
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.click(await screen.findByRole('textbox', { name: 'Your message' }));
    await user.keyboard('{Enter}');
    await user.keyboard('   {Enter}');
    expect(sends).toHaveLength(0);
    await user.keyboard('{selectall}{backspace}Hello{Shift>}{Enter}{/Shift}there{Enter}');
    await waitFor(() => expect(sends).toHaveLength(1));
    expect((await bodiesOf(sends))[0]).toMatchObject({ text: 'Hello\nthere' });
    await waitFor(() => expect(within(log()).getAllByRole('listitem')).toHaveLength(1));
    expect(within(log()).getByText(/Hello\s+there/)).toBeInTheDocument();
    expect(composer()).toHaveValue('');
    expect(await texts(localStorage.getItem(SESSION_KEY)!)).toEqual(['Hello\nthere']);
  });

  it('shows the agent reply live and announces only new messages', async () => {
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    const streamOpen = nextAnswer(faults, 'GET', EVENTS);
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'Where is my order?{Enter}');
    await streamOpen;
    const liveLog = log();
    const first = within(liveLog).getAllByRole('listitem')[0];
    await server.agentSays(localStorage.getItem(SESSION_KEY)!, 'It ships today.');
    expect(await within(liveLog).findByText('It ships today.')).toBeInTheDocument();
    expect(log()).toBe(liveLog);
    expect(within(liveLog).getAllByRole('listitem')[0]).toBe(first);
    expect(liveLog).toHaveAttribute('aria-live', 'polite');
  });

  it('keeps the draft across a reload', async () => {
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'half a thought');
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toHaveValue('half a thought');
  });

  it('resumes the conversation after a reload', async () => {
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'first visit{Enter}');
    await waitFor(() => expect(screen.queryByText('Sending…')).not.toBeInTheDocument());
    expect(await conversationCount()).toBe(1);
    await openPage('/direct/demo_app');
    await waitFor(() => expect(within(log()).getByText('first visit')).toBeInTheDocument());
  });
});

describe('earlier conversations', () => {
  it('lists them in a dialog and picks one up where it was left', async () => {
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'the first problem{Enter}');
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toBeTruthy());
    const first = localStorage.getItem(SESSION_KEY)!;
    await user.click(screen.getByRole('button', { name: 'Menu' }));
    await user.click(await screen.findByRole('button', { name: 'New chat' }));
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'a second problem{Enter}');
    await waitFor(async () => expect(await conversationCount()).toBe(2));
    expect(within(log()).queryByText('the first problem')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Menu' }));
    await user.click(await screen.findByRole('button', { name: 'Earlier chats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your conversations' });
    const items = await within(dialog).findAllByRole('button', { name: /Current|Open|Ended/ });
    expect(items).toHaveLength(2);
    await user.click(items.find((item) => !item.hasAttribute('aria-current'))!);
    await waitFor(() => expect(within(log()).getByText('the first problem')).toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'back to the first{Enter}');
    await waitFor(async () => expect(await texts(first)).toEqual(['the first problem', 'back to the first']));
  });

  it('offers "Earlier chats" only once there is another conversation', async () => {
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    const menu = await screen.findByRole('button', { name: 'Menu' });
    await user.click(menu);
    expect(await screen.findByRole('button', { name: 'Français' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Earlier chats' })).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'only one{Enter}');
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toBeTruthy());
    await user.click(menu);
    await screen.findByRole('button', { name: 'New chat' });
    expect(screen.queryByRole('button', { name: 'Earlier chats' })).not.toBeInTheDocument();
  });

  it('closes with Escape and gives focus back to the menu button', async () => {
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'first{Enter}');
    await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toBeTruthy());
    const menu = screen.getByRole('button', { name: 'Menu' });
    await user.click(menu);
    await user.click(await screen.findByRole('button', { name: 'New chat' }));
    await user.click(menu);
    await user.click(await screen.findByRole('button', { name: 'Earlier chats' }));
    await screen.findByRole('dialog', { name: 'Your conversations' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(menu).toHaveFocus());
  });
});

describe('direct links', () => {
  /** A conversation of the page's visitor, started elsewhere (an agent wrote first, or another device). */
  async function ownConversation(text: string): Promise<string> {
    await openPage('/direct/demo_app');
    const sessionId = await newSession(server.url, await pageVisitor());
    await server.agentSays(sessionId, text);
    return sessionId;
  }

  it('opens the conversation named by direct=1&chatid', async () => {
    const sessionId = await ownConversation('Your refund is done.');
    await openPage(`/direct/demo_app?direct=1&chatid=${sessionId}`);
    expect(await screen.findByText('Your refund is done.')).toBeInTheDocument();
    expect(localStorage.getItem(SESSION_KEY)).toBe(sessionId);
  });

  it('says "not found" for a conversation that is not yours, and starts a new chat from there', async () => {
    const stranger = await newVisitor(server.url);
    const other = await newSession(server.url, stranger.visitorToken);
    expect((await sendText(server.url, stranger.visitorToken, other, 'private')).status).toBe(201);
    const user = userEvent.setup();
    await openPage(`/direct/demo_app?direct=1&chat_id=${other}&campaign=x`);
    const heading = await screen.findByRole('heading', { name: 'Conversation not found' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByText('private')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toBeInTheDocument();
    expect(location.search).toBe('?campaign=x');
  });

  it('ignores chatid without direct=1', async () => {
    // The visitor's own conversation, which direct=1 would open: without it, the link names it in vain.
    const own = await ownConversation('earlier answer');
    for (const link of [`chatid=${own}`, `direct=true&chatid=${own}`, `direct=01&chat_id=${own}`]) {
      localStorage.removeItem(SESSION_KEY);
      await openPage(`/direct/demo_app?${link}`);
      await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), `via ${link}{Enter}`);
      // Sending waits until the page knows which conversation is open: the message shows where it went.
      await waitFor(() => expect(localStorage.getItem(SESSION_KEY)).toBeTruthy());
      const opened = localStorage.getItem(SESSION_KEY)!;
      expect(opened).not.toBe(own);
      await waitFor(async () => expect(await texts(opened)).toEqual([`via ${link}`]));
      expect(await texts(own)).toEqual(['earlier answer']);
      expect(screen.queryByText('earlier answer')).not.toBeInTheDocument();
    }
  });
});

describe('identity hand-off', () => {
  const claims = 'name=Ada&email=ada%40example.com';
  /** A link signed with the app's secret (or another one), as the customer's site makes it. */
  const signedLink = (secret?: string) => {
    const { sbs, sbs_mm, ranstr } = signedIdentity('42', {}, secret);
    return `sbs=${sbs}&sbs_mm=${sbs_mm}&ranstr=${ranstr}&${claims}&ref=mail`;
  };
  const visitorCalls = () => recordRequests(faults, 'POST', /\/apps\/demo_app\/visitors$/);

  it('sends the identity once, keeps the token, and scrubs the address bar', async () => {
    const calls = visitorCalls();
    const answered = nextAnswer(faults, 'POST', /\/visitors$/);
    const link = signedLink();
    await openPage(`/direct/demo_app?${link}`);
    expect(await screen.findByText(/Signed in · Ada/)).toBeInTheDocument();
    expect(location.search).toBe('?ref=mail');
    const params = new URLSearchParams(link);
    const bodies = await bodiesOf(calls);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({
      identity: { sbs: '42', sbs_mm: params.get('sbs_mm'), ranstr: params.get('ranstr'), name: 'Ada', email: 'ada@example.com' },
      vars: { ref: 'mail' },
    });
    const { visitorToken, visitor } = (await (await answered).clone().json()) as { visitorToken: string; visitor: { verified: boolean } };
    expect(visitor.verified).toBe(true);
    expect(localStorage.getItem(TOKEN_KEY)).toBe(visitorToken);
    await openPage('/direct/demo_app?ref=mail');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect((await bodiesOf(calls))[1]).not.toHaveProperty('identity');
    expect(await screen.findByText(/Signed in · Ada/)).toBeInTheDocument();
  });

  it.each([
    ['bad_signature', "We couldn't confirm your account from this link, so you're chatting as a guest."],
    ['replayed', "This link has already been used, so you're chatting as a guest. Ask for a new link to be recognised."],
  ] as const)('a %s identity shows a notice and the visitor goes on as a guest', async (verdict, text) => {
    const link = verdict === 'bad_signature' ? signedLink('not-the-apps-secret-0123456789') : signedLink();
    if (verdict === 'replayed') {
      // The link was opened once already, by someone else (a forwarded mail).
      await openPage(`/direct/demo_app?${link}`);
      expect(await screen.findByText(/Signed in · Ada/)).toBeInTheDocument();
      localStorage.clear();
    }
    const user = userEvent.setup();
    await openPage(`/direct/demo_app?${link}`);
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByText(/Signed in/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(text)).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your message' })).toBeEnabled();
  });

  it('never sends half an identity', async () => {
    const calls = visitorCalls();
    await openPage('/direct/demo_app?sbs=42&ranstr=abcdefghijklmnop1234&name=Ada');
    expect(await screen.findByText("This link is incomplete, so you're chatting as a guest.")).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(1));
    expect((await bodiesOf(calls))[0]).not.toHaveProperty('identity');
    expect(location.search).toBe('');
  });
});

describe('error screens', () => {
  const failConfig = (answer: () => Response) => faults.use(http.get(`${server.api}/apps/demo_app/config`, answer));

  it.each([
    ['/direct/no_such_app', "This chat doesn't exist"],
    ['/direct/partner_app', "This chat isn't available here"],
  ])('%s gets its own screen', async (path, title) => {
    await openPage(path);
    const heading = await screen.findByRole('heading', { name: title });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('a server failure gets its own screen', async () => {
    failConfig(() => HttpResponse.json({ error: { code: 'internal', message: 'injected' } }, { status: 500 }));
    await openPage('/direct/demo_app');
    const heading = await screen.findByRole('heading', { name: 'Something went wrong on our side' });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('a dropped network gets a screen with a working "Try again"', async () => {
    failConfig(() => HttpResponse.error());
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('heading', { name: "Can't connect" })).toBeInTheDocument();
    faults.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Shop support' })).toBeInTheDocument();
  });

  it.each(['/nowhere', '/direct/', '/direct/bad%20id', `/direct/${'a'.repeat(65)}`, '/direct/demo_app/extra'])(
    '%s gets the translated not-found screen',
    async (path) => {
      await openPage(path, ['de-DE']);
      expect(await screen.findByRole('heading', { name: 'Seite nicht gefunden' })).toBeInTheDocument();
    },
  );
});
