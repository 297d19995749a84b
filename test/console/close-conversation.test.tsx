import './support/setup';
import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, visitorDetail } from './support/fixtures';
import { openConversation } from './support/open-conversation';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();

describe('closing a conversation', () => {
  it('asks first; Cancel and Escape leave it open and return focus', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await openConversation(user, /Ada/);

    const closeButton = screen.getByRole('button', { name: 'Close conversation' });
    await user.click(closeButton);
    const group = screen.getByRole('group', { name: /Close this conversation\?/ });
    expect(group).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close conversation' })).toHaveFocus());

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close conversation' })).toHaveFocus());
    expect(api.requests('POST', '/close')).toHaveLength(0);
  });

  it('closes on confirmation, then shows the list with focus on that conversation', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    api.addSession('s2', visitorDetail({ displayName: 'Grace' }), [message(1)]);
    renderConsole();
    await openConversation(user, /Ada/);

    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await user.click(screen.getByRole('button', { name: 'Yes, close it' }));

    await waitFor(() => expect(api.requests('POST', '/sessions/s1/close')).toHaveLength(1));
    const item = await screen.findByRole('button', { name: /Ada/ });
    await waitFor(() => expect(item).toHaveFocus());
    expect(item).toHaveTextContent('Closed');
    expect(screen.getByText('Conversation closed.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: /Ada/ })).not.toBeInTheDocument();

    // Reopened for reading: no reply box, no close button.
    await user.click(item);
    await screen.findByRole('heading', { level: 2, name: /Ada/ });
    expect(screen.getByText('This conversation is closed; replies are no longer possible.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reply')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
  });

  it('keeps the conversation open and says why when closing fails', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await openConversation(user, /Ada/);
    api.state.sessions.delete('s1');

    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await user.click(screen.getByRole('button', { name: 'Yes, close it' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not closed: This conversation no longer exists.');
    expect(screen.getByRole('heading', { level: 2, name: /Ada/ })).toBeInTheDocument();
  });

  it('stops offering replies when the stream says it was closed elsewhere', async () => {
    const user = userEvent.setup();
    const stored = api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await openConversation(user, /Ada/);
    expect(screen.getByLabelText('Reply')).toBeInTheDocument();

    api.events.send('session', { ...stored.summary, status: 'closed', updatedAt: new Date().toISOString() });
    expect(await screen.findByText('This conversation is closed; replies are no longer possible.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Reply')).not.toBeInTheDocument();
    // Still listed under "Open" while it is being read.
    expect(screen.getByRole('button', { name: /Ada/ })).toHaveTextContent('Closed');
  });

  it('Back to conversations returns focus to the list item', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await openConversation(user, /Ada/);
    await user.click(screen.getByRole('button', { name: 'Back to conversations' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Ada/ })).toHaveFocus());
    expect(screen.getByText('Select a conversation to read and reply.')).toBeInTheDocument();
  });
});
