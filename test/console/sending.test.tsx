import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AgentSendRequest } from '../../server/agent-wire';
import { CLIENT_ID_PATTERN } from '../../src/api/limits';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, visitorDetail } from './support/fixtures';
import { openConversation } from './support/open-conversation';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();

function sends(): AgentSendRequest[] {
  return api.requests('POST', '/sessions/s1/messages').map((r) => r.body as AgentSendRequest);
}

describe('replying', () => {
  it('sends on Enter with a fresh clientId and the agent name, and shows the message', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await user.type(await screen.findByLabelText('Your name shown to visitors'), 'Sam');
    await openConversation(user, /Ada/);

    const box = screen.getByLabelText('Reply');
    await user.type(box, 'First line{Shift>}{Enter}{/Shift}second line');
    expect(sends()).toHaveLength(0);
    expect(box).toHaveValue('First line\nsecond line');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(sends()).toHaveLength(1));
    const [body] = sends();
    expect(Object.keys(body).sort()).toEqual(['authorName', 'clientId', 'kind', 'text']);
    expect(body).toMatchObject({ kind: 'text', text: 'First line\nsecond line', authorName: 'Sam' });
    expect(body.clientId).toMatch(CLIENT_ID_PATTERN);
    expect(box).toHaveValue('');
    const log = screen.getByRole('log');
    expect(await within(log).findByText(/First line/)).toBeInTheDocument();
    expect(within(log).getByText('Sam (agent)')).toBeInTheDocument();
    expect(localStorage.getItem('direct-chat-console:agent-name')).toBe('Sam');

    await user.type(box, 'Another{Enter}');
    await waitFor(() => expect(sends()).toHaveLength(2));
    expect(sends()[1].clientId).not.toBe(body.clientId);
  });

  it('sends nothing for blank text and trims the ends', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    renderConsole();
    await openConversation(user, /Ada/);
    await user.type(screen.getByLabelText('Reply'), '   {Enter}');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sends()).toHaveLength(0);
    await user.type(screen.getByLabelText('Reply'), '  hi  ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sends()).toHaveLength(1));
    expect(sends()[0]).toEqual({ clientId: expect.any(String), kind: 'text', text: 'hi' });
  });

  it('resends with the same clientId after a network error, so the message exists once', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    api.state.failSends = 1;
    renderConsole();
    await openConversation(user, /Ada/);
    await user.type(screen.getByLabelText('Reply'), 'Through the storm{Enter}');

    expect(await screen.findByText('No connection, retrying…')).toBeInTheDocument();
    await waitFor(() => expect(sends()).toHaveLength(2), { timeout: 3000 });
    expect(sends()[1]).toEqual(sends()[0]);
    expect(await within(screen.getByRole('log')).findByText('Through the storm')).toBeInTheDocument();
    expect(api.state.sessions.get('s1')!.messages).toHaveLength(1);
    expect(screen.queryByRole('list', { name: 'Outgoing messages' })).not.toBeInTheDocument();
  });

  it('keeps a refused message with Retry (same clientId) and Discard', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    // A refusal that time does not heal (429 and 408 are retried, as on the page).
    api.state.refuseSends = { status: 413, code: 'payload_too_large' };
    renderConsole();
    await openConversation(user, /Ada/);
    await user.type(screen.getByLabelText('Reply'), 'Keep me{Enter}');
    await user.type(screen.getByLabelText('Reply'), 'Drop me{Enter}');

    const outgoing = await screen.findByRole('list', { name: 'Outgoing messages' });
    await waitFor(() => expect(within(outgoing).getAllByRole('button', { name: 'Retry' })).toHaveLength(2));
    const composerStatus = screen.getByLabelText('Reply').closest('form')!.querySelector('[role="status"]');
    expect(composerStatus).toHaveTextContent('Not sent: That is too long to send.');
    expect(sends()).toHaveLength(2);

    const [keep, drop] = within(outgoing).getAllByRole('listitem');
    await user.click(within(drop).getByRole('button', { name: 'Discard' }));
    expect(within(outgoing).getAllByRole('listitem')).toHaveLength(1);

    api.state.refuseSends = null;
    await user.click(within(keep).getByRole('button', { name: 'Retry' }));
    expect(await within(screen.getByRole('log')).findByText('Keep me')).toBeInTheDocument();
    expect(sends()).toHaveLength(3);
    expect(sends()[2]).toEqual(sends()[0]);
    expect(screen.queryByRole('list', { name: 'Outgoing messages' })).not.toBeInTheDocument();
    expect(composerStatus).toBeEmptyDOMElement();
  });

  it('posts typing, throttled, and stops it on send', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    renderConsole();
    await openConversation(user, /Ada/);
    await user.type(screen.getByLabelText('Reply'), 'typing quickly');
    await waitFor(() => expect(api.requests('POST', '/sessions/s1/typing')).toHaveLength(1));
    expect(api.requests('POST', '/sessions/s1/typing')[0].body).toEqual({ typing: true });

    await user.keyboard('{Enter}');
    await waitFor(() => expect(api.requests('POST', '/sessions/s1/typing')).toHaveLength(2));
    expect(api.requests('POST', '/sessions/s1/typing')[1].body).toEqual({ typing: false });
  });
});

describe('sending a link', () => {
  it('rejects javascript: and other non-http URLs without calling the server', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    renderConsole();
    await openConversation(user, /Ada/);
    await user.click(screen.getByText('Send a link'));

    await user.type(screen.getByLabelText('Title'), 'Click me');
    await user.type(screen.getByLabelText('URL'), 'javascript:alert(document.cookie)');
    await user.type(screen.getByLabelText('Image URL (optional)'), 'data:image/png;base64,AAAA');
    await user.click(screen.getByRole('button', { name: 'Send link' }));

    const url = screen.getByLabelText('URL');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription('The URL must start with http:// or https://.');
    expect(url).toHaveFocus();
    expect(screen.getByLabelText('Image URL (optional)')).toHaveAccessibleDescription(
      'The image URL must start with http:// or https://.',
    );
    expect(sends()).toHaveLength(0);

    await user.clear(screen.getByLabelText('Title'));
    await user.click(screen.getByRole('button', { name: 'Send link' }));
    expect(screen.getByLabelText('Title')).toHaveFocus();
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Enter a title.');
    expect(sends()).toHaveLength(0);
  });

  it('sends a valid link card and shows it in the transcript', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    renderConsole();
    await openConversation(user, /Ada/);
    await user.click(screen.getByText('Send a link'));
    await user.type(screen.getByLabelText('Title'), '  Spring sale ');
    await user.type(screen.getByLabelText('URL'), 'https://shop.test/sale');
    await user.type(screen.getByLabelText('Image URL (optional)'), 'https://cdn.test/sale.jpg');
    await user.click(screen.getByRole('button', { name: 'Send link' }));

    await waitFor(() => expect(sends()).toHaveLength(1));
    expect(sends()[0]).toEqual({
      clientId: expect.stringMatching(CLIENT_ID_PATTERN),
      kind: 'link',
      link: { title: 'Spring sale', url: 'https://shop.test/sale', imageUrl: 'https://cdn.test/sale.jpg' },
    });
    expect(screen.getByLabelText('Title')).toHaveValue('');
    const link = await within(screen.getByRole('log')).findByRole('link', { name: /Spring sale/ });
    expect(link).toHaveAttribute('href', 'https://shop.test/sale');
  });
});
