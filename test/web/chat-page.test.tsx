import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { setUpFakeBackendServer } from './support/fake-backend-server';
import { openPage } from './support/open-page';

const { newBackend } = setUpFakeBackendServer();

const composer = () => screen.getByRole('textbox', { name: 'Your message' });
const log = () => screen.getByRole('log');

describe('chat screen', () => {
  it('shows the app branding in the visitor language', async () => {
    newBackend();
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Shop support' })).toBeInTheDocument();
    expect(screen.getByText('Hi! How can we help?')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Demo Shop logo' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(document.title).toBe('Demo Shop support'));
  });

  it('sends with Enter, makes a new line with Shift+Enter, and never sends an empty message', async () => {
    const backend = newBackend();
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.click(await screen.findByRole('textbox', { name: 'Your message' }));
    await user.keyboard('{Enter}');
    await user.keyboard('   {Enter}');
    expect(backend.sentBodies).toHaveLength(0);
    await user.keyboard('{selectall}{backspace}Hello{Shift>}{Enter}{/Shift}there{Enter}');
    await waitFor(() => expect(backend.sentBodies).toHaveLength(1));
    expect(backend.sentBodies[0]).toMatchObject({ text: 'Hello\nthere' });
    await waitFor(() => expect(within(log()).getAllByRole('listitem')).toHaveLength(1));
    expect(within(log()).getByText(/Hello\s+there/)).toBeInTheDocument();
    expect(composer()).toHaveValue('');
  });

  it('shows the agent reply live and announces only new messages', async () => {
    const backend = newBackend();
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'Where is my order?{Enter}');
    await waitFor(() => expect(backend.openStreams()).toBeGreaterThan(0));
    const liveLog = log();
    const first = within(liveLog).getAllByRole('listitem')[0];
    const [session] = backend.sessions.values();
    backend.agentSays(session.id, 'It ships today.');
    expect(await within(liveLog).findByText('It ships today.')).toBeInTheDocument();
    expect(log()).toBe(liveLog);
    expect(within(liveLog).getAllByRole('listitem')[0]).toBe(first);
    expect(liveLog).toHaveAttribute('aria-live', 'polite');
  });

  it('keeps the draft across a reload', async () => {
    newBackend();
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'half a thought');
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toHaveValue('half a thought');
  });

  it('resumes the conversation after a reload', async () => {
    const backend = newBackend();
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'first visit{Enter}');
    await waitFor(() => expect(backend.sessions.size).toBe(1));
    await openPage('/direct/demo_app');
    await waitFor(() => expect(within(log()).getByText('first visit')).toBeInTheDocument());
  });
});

describe('earlier conversations', () => {
  it('lists them in a dialog and picks one up where it was left', async () => {
    const backend = newBackend();
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    await user.type(await screen.findByRole('textbox', { name: 'Your message' }), 'the first problem{Enter}');
    await waitFor(() => expect(backend.sessions.size).toBe(1));
    await user.click(screen.getByRole('button', { name: 'New chat' }));
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'a second problem{Enter}');
    await waitFor(() => expect(backend.sessions.size).toBe(2));
    expect(within(log()).queryByText('the first problem')).not.toBeInTheDocument();

    const opener = screen.getByRole('button', { name: 'Earlier chats' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Your conversations' });
    const items = await within(dialog).findAllByRole('button', { name: /Current|Open|Ended/ });
    expect(items).toHaveLength(2);
    await user.click(items.find((item) => !item.hasAttribute('aria-current'))!);
    await waitFor(() => expect(within(log()).getByText('the first problem')).toBeInTheDocument());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'back to the first{Enter}');
    const [first] = backend.sessions.values();
    await waitFor(() => expect(first.messages.map((m) => m.text)).toEqual(['the first problem', 'back to the first']));
  });

  it('closes with Escape and gives focus back to the button', async () => {
    newBackend();
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    const opener = await screen.findByRole('button', { name: 'Earlier chats' });
    await user.click(opener);
    await screen.findByRole('dialog', { name: 'Your conversations' });
    expect(await screen.findByText('No conversations yet.')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
  });
});

describe('direct links', () => {
  it('opens the conversation named by direct=1&chatid', async () => {
    const backend = newBackend();
    await openPage('/direct/demo_app');
    await waitFor(() => expect(localStorage.getItem('dc:demo_app:token')).toBeTruthy());
    const token = localStorage.getItem('dc:demo_app:token');
    const session = backend.addSessionFor(token, ['Your refund is done.']);
    await openPage(`/direct/demo_app?direct=1&chatid=${session.id}`);
    expect(await screen.findByText('Your refund is done.')).toBeInTheDocument();
  });

  it('says "not found" for a conversation that is not yours, and starts a new chat from there', async () => {
    const backend = newBackend();
    const other = backend.addSessionFor(null, ['private']);
    const user = userEvent.setup();
    await openPage(`/direct/demo_app?direct=1&chat_id=${other.id}&campaign=x`);
    const heading = await screen.findByRole('heading', { name: 'Conversation not found' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByText('private')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start a new chat' }));
    expect(await screen.findByRole('textbox', { name: 'Your message' })).toBeInTheDocument();
    expect(location.search).toBe('?campaign=x');
  });

  it('ignores chatid without direct=1', async () => {
    const backend = newBackend();
    await openPage('/direct/demo_app');
    await waitFor(() => expect(localStorage.getItem('dc:demo_app:token')).toBeTruthy());
    // The visitor's own conversation, which direct=1 would open: without it, the link names it in vain.
    const own = backend.addSessionFor(localStorage.getItem('dc:demo_app:token'), ['earlier answer']);
    for (const link of [`chatid=${own.id}`, `direct=true&chatid=${own.id}`, `direct=01&chat_id=${own.id}`]) {
      await openPage(`/direct/demo_app?${link}`);
      await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), `via ${link}{Enter}`);
      // Sending waits until the page knows which conversation is open: the message shows where it went.
      await waitFor(() => expect([...backend.sessions.values()].some((s) => s.messages.some((m) => m.text === `via ${link}`))).toBe(true));
      expect(own.messages.map((message) => message.text)).toEqual(['earlier answer']);
      expect(screen.queryByText('earlier answer')).not.toBeInTheDocument();
      localStorage.removeItem('dc:demo_app:session');
    }
  }, 20_000);
});

describe('identity hand-off', () => {
  const signed = 'sbs=42&sbs_mm=0123456789abcdef0123456789abcdef&ranstr=abcdefghijklmnop1234&name=Ada&email=ada%40example.com&ref=mail';

  it('sends the identity once, keeps the token, and scrubs the address bar', async () => {
    const backend = newBackend();
    await openPage(`/direct/demo_app?${signed}`);
    expect(await screen.findByText(/Signed in · Ada/)).toBeInTheDocument();
    expect(location.search).toBe('?ref=mail');
    expect(backend.visitorBodies).toHaveLength(1);
    expect(backend.visitorBodies[0]).toMatchObject({
      identity: { sbs: '42', ranstr: 'abcdefghijklmnop1234', name: 'Ada', email: 'ada@example.com' },
      vars: { ref: 'mail' },
    });
    expect(localStorage.getItem('dc:demo_app:token')).toBe(backend.visitors[0].token);
    await openPage('/direct/demo_app?ref=mail');
    await waitFor(() => expect(backend.visitorBodies).toHaveLength(2));
    expect(backend.visitorBodies[1]).not.toHaveProperty('identity');
  });

  it.each([
    ['bad_signature', "We couldn't confirm your account from this link, so you're chatting as a guest."],
    ['replayed', "This link has already been used, so you're chatting as a guest. Ask for a new link to be recognised."],
  ] as const)('a %s identity shows a notice and the visitor goes on as a guest', async (verdict, text) => {
    const backend = newBackend();
    backend.identityVerdict = verdict;
    const user = userEvent.setup();
    await openPage(`/direct/demo_app?${signed}`);
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByText(/Signed in/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(text)).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your message' })).toBeEnabled();
  });

  it('never sends half an identity', async () => {
    const backend = newBackend();
    await openPage('/direct/demo_app?sbs=42&ranstr=abcdefghijklmnop1234&name=Ada');
    expect(await screen.findByText("This link is incomplete, so you're chatting as a guest.")).toBeInTheDocument();
    await waitFor(() => expect(backend.visitorBodies).toHaveLength(1));
    expect(backend.visitorBodies[0]).not.toHaveProperty('identity');
    expect(location.search).toBe('');
  });
});

describe('error screens', () => {
  it.each([
    [{ status: 404, code: 'app_not_found' }, "This chat doesn't exist"],
    [{ status: 404, code: 'fullpage_disabled' }, "This chat isn't available here"],
    [{ status: 500, code: 'internal' }, 'Something went wrong on our side'],
  ] as const)('config %o gets its own screen', async (failure, title) => {
    const backend = newBackend();
    backend.configError = failure;
    await openPage('/direct/demo_app');
    const heading = await screen.findByRole('heading', { name: title });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('a dropped network gets a screen with a working "Try again"', async () => {
    const backend = newBackend();
    backend.configError = 'network';
    const user = userEvent.setup();
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('heading', { name: "Can't connect" })).toBeInTheDocument();
    backend.configError = undefined;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Demo Shop support' })).toBeInTheDocument();
  });

  it.each(['/nowhere', '/direct/', '/direct/bad%20id', `/direct/${'a'.repeat(65)}`, '/direct/demo_app/extra'])(
    '%s gets the translated not-found screen',
    async (path) => {
      newBackend();
      await openPage(path, ['de-DE']);
      expect(await screen.findByRole('heading', { name: 'Seite nicht gefunden' })).toBeInTheDocument();
    },
  );
});
