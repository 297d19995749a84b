import './support/setup';
import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GOOD_TOKEN, installFakeAgentApi } from './support/fake-agent-api';
import { visitorDetail } from './support/fixtures';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();

describe('signing in', () => {
  it('asks for the token and keeps it for the tab, sent as a bearer header', async () => {
    const user = userEvent.setup();
    renderConsole({ signedIn: false });
    const field = screen.getByLabelText('Agent token');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('type', 'password');

    await user.type(field, GOOD_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeInTheDocument();
    expect(sessionStorage.getItem('direct-chat-console:token')).toBe(GOOD_TOKEN);
    const calls = api.state.requests;
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.authorization).toBe(`Bearer ${GOOD_TOKEN}`);
      expect(call.search.toString()).not.toContain(GOOD_TOKEN);
    }
  });

  it('refuses a wrong token and stays on the form with a message', async () => {
    const user = userEvent.setup();
    renderConsole({ signedIn: false });
    await user.type(screen.getByLabelText('Agent token'), 'wrong');
    await user.keyboard('{Enter}');

    expect(await screen.findByText('That token was not accepted.')).toBeInTheDocument();
    expect(screen.getByLabelText('Agent token')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Agent token')).toHaveFocus();
    expect(sessionStorage.getItem('direct-chat-console:token')).toBeNull();
  });

  it('does not call the server for an empty token', async () => {
    const user = userEvent.setup();
    renderConsole({ signedIn: false });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your agent token.')).toBeInTheDocument();
    expect(api.state.requests).toHaveLength(0);
  });

  it('returns to the sign-in form with a message when the token stops working', async () => {
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), []);
    renderConsole();
    expect(await screen.findByRole('button', { name: /Ada/ })).toBeInTheDocument();

    api.state.token = 'rotated';
    api.events.drop(); // the reconnection now meets a 401

    expect(
      await screen.findByText('Your token is no longer accepted. Sign in again.', {}, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Agent token')).toBeInTheDocument();
    expect(sessionStorage.getItem('direct-chat-console:token')).toBeNull();
  });

  it('signs out on request and forgets the token', async () => {
    const user = userEvent.setup();
    renderConsole();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(screen.getByText('You have signed out.')).toBeInTheDocument();
    expect(sessionStorage.getItem('direct-chat-console:token')).toBeNull();
    await waitFor(() => expect(api.events.connections).toBe(0));
  });

  it('offers an app picker when the server hosts several apps', async () => {
    const user = userEvent.setup();
    api.state.apps = [
      { appId: 'shop', name: 'Shop support', locales: ['en'] },
      { appId: 'travel', name: 'Travel desk', locales: ['en'] },
    ];
    renderConsole();
    const heading = await screen.findByRole('heading', { name: 'Choose an app' });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('button', { name: /Travel desk/ }));

    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeInTheDocument();
    await waitFor(() => expect(api.requests('GET', '/apps/travel/sessions')).toHaveLength(1));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Travel desk');

    await user.click(screen.getByRole('button', { name: 'Switch app' }));
    expect(await screen.findByRole('heading', { name: 'Choose an app' })).toBeInTheDocument();
  });
});
