import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, summaryOf, visitorDetail } from './support/fixtures';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();

function itemNames(): string[] {
  const list = screen.getByRole('region', { name: 'Conversations' });
  return within(list)
    .getAllByRole('button')
    .filter((b) => b.dataset.sessionId)
    .map((b) => b.dataset.sessionId!);
}

describe('conversation list', () => {
  it('shows each open conversation with visitor, preview, time and badges, newest first', async () => {
    api.addSession('older', visitorDetail({ displayName: 'Ada' }), [message(1, { text: 'Hello there' })]);
    api.addSession('newer', visitorDetail({ verified: true, displayName: 'Grace' }), [
      message(1),
      message(2, { author: { role: 'agent', name: 'Sam' }, kind: 'link', text: undefined, link: { url: 'https://x.test', title: 'Pricing' } }),
    ]);
    api.addSession('done', visitorDetail({ displayName: 'Linus' }), [message(1)], { status: 'closed' });
    renderConsole();

    // The file's first render also loads the console's modules: more than the default second on a busy machine.
    const ada = await screen.findByRole('button', { name: /Ada/ }, { timeout: 5000 });
    expect(ada).toHaveTextContent('Hello there');
    // A name from the link is a claim, even beside a verified customer id.
    expect(ada).toHaveTextContent('Ada(claimed name)');
    expect(await screen.findByRole('button', { name: /Grace/ })).toHaveTextContent(/Grace\(claimed name\).*Verified/);
    expect(ada).toHaveTextContent('Awaiting reply');
    expect(ada).not.toHaveTextContent('Verified');
    const grace = screen.getByRole('button', { name: /Grace/ });
    expect(grace).toHaveTextContent('You: Link: Pricing');
    expect(grace).toHaveTextContent('Verified');
    expect(grace).not.toHaveTextContent('Awaiting reply');
    expect(within(grace).getByText(/\d\d:\d\d/).tagName).toBe('TIME');
    expect(itemNames()).toEqual(['newer', 'older']);
    expect(screen.queryByRole('button', { name: /Linus/ })).not.toBeInTheDocument();
    expect(api.requests('GET', '/apps/shop/sessions')[0].search.get('status')).toBe('all');
  });

  it('filters by status without asking the server again', async () => {
    const user = userEvent.setup();
    api.addSession('a', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    api.addSession('b', visitorDetail({ displayName: 'Linus' }), [message(1)], { status: 'closed' });
    renderConsole();
    await screen.findByRole('button', { name: /Ada/ });

    await user.selectOptions(screen.getByLabelText('Show'), 'closed');
    expect(screen.getByRole('button', { name: /Linus/ })).toHaveTextContent('Closed');
    expect(screen.queryByRole('button', { name: /Ada/ })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Show'), 'all');
    expect(itemNames()).toHaveLength(2);
    expect(api.requests('GET', '/apps/shop/sessions')).toHaveLength(1);
  });

  it('says so when there is nothing to show', async () => {
    renderConsole();
    expect(await screen.findByText('No conversations here.')).toBeInTheDocument();
  });

  it('adds new conversations and moves updated ones to the top as the stream reports them', async () => {
    api.addSession('a', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    api.addSession('b', visitorDetail({ displayName: 'Grace' }), [message(1), message(2)]);
    renderConsole();
    await screen.findByRole('button', { name: /Ada/ });
    await waitFor(() => expect(screen.getByText('Live')).toBeInTheDocument());
    expect(itemNames()).toEqual(['b', 'a']);

    api.receive('a', { text: 'Are you there?' });
    await waitFor(() => expect(itemNames()).toEqual(['a', 'b']));
    expect(screen.getByRole('button', { name: /Ada/ })).toHaveTextContent('Are you there?');

    const newcomer = visitorDetail({ displayName: 'Hedy' });
    const first = message(1, { text: 'Hi, new here', createdAt: new Date().toISOString() });
    api.events.send('session', summaryOf('c', newcomer, [first], { updatedAt: new Date().toISOString() }));
    expect(await screen.findByRole('button', { name: /Hedy/ })).toHaveTextContent('Hi, new here');
    expect(itemNames()[0]).toBe('c');
  });

  it('ignores malformed events and events for another app', async () => {
    api.addSession('a', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await screen.findByText('Live');
    api.events.send('session', { id: 'x', nonsense: true });
    api.events.send('session', summaryOf('other', visitorDetail({ displayName: 'Mallory' }), [], { appId: 'elsewhere' }));
    api.events.comment('heartbeat');
    api.events.send('session', summaryOf('late', visitorDetail({ displayName: 'Barbara' }), []));
    await screen.findByRole('button', { name: /Barbara/ });
    expect(screen.queryByText(/Mallory/)).not.toBeInTheDocument();
    expect(itemNames()).toHaveLength(2);
  });

  it('reconnects after the stream drops and catches up on what it missed', async () => {
    api.addSession('a', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    renderConsole();
    await screen.findByText('Live');
    expect(api.events.opened).toBe(1);

    api.events.drop();
    expect(await screen.findByText('Connection lost, reconnecting…')).toBeInTheDocument();
    // Said while nobody listened: only the list call after reconnecting can bring it.
    api.addSession('b', visitorDetail({ displayName: 'Missed' }), [message(1)]);

    await screen.findByText('Live', {}, { timeout: 3000 });
    expect(api.events.opened).toBe(2);
    expect(await screen.findByRole('button', { name: /Missed/ })).toBeInTheDocument();
    expect(api.requests('GET', '/apps/shop/sessions')).toHaveLength(2);
  });
});
