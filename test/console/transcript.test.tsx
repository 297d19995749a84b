import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, visitorDetail } from './support/fixtures';
import { openConversation } from './support/open-conversation';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();
const many = (n: number) => Array.from({ length: n }, (_, i) => message(i + 1));

describe('transcript', () => {
  it('opens on the newest page, with focus on the heading, and pages back on request', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), many(60));
    renderConsole();
    await openConversation(user, /Ada/);

    const [first] = api.requests('GET', '/sessions/s1/messages');
    expect(first.search.get('before')).toBe('61');
    const messages = screen.getByRole('region', { name: 'Messages' });
    expect(within(messages).getByText('Message number 60')).toBeInTheDocument();
    expect(within(messages).getByText('Message number 11')).toBeInTheDocument();
    expect(within(messages).queryByText('Message number 10')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load earlier messages' }));
    expect(await within(messages).findByText('Message number 1')).toBeInTheDocument();
    expect(api.requests('GET', '/sessions/s1/messages')[1].search.get('before')).toBe('11');
    expect(screen.queryByRole('button', { name: 'Load earlier messages' })).not.toBeInTheDocument();
    const texts = within(messages).getAllByRole('listitem').map((li) => li.textContent);
    expect(texts[0]).toContain('Message number 1');
    expect(texts[59]).toContain('Message number 60');
  });

  it('fetches only what is new when the stream reports a newer lastSeq, and announces only that', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), many(3));
    renderConsole();
    await openConversation(user, /Ada/);
    const log = screen.getByRole('log');
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(log).toBeEmptyDOMElement();

    api.receive('s1', { text: 'Is anyone there?' });
    expect(await within(log).findByText('Is anyone there?')).toBeInTheDocument();
    const catchUp = api.requests('GET', '/sessions/s1/messages').at(-1)!;
    expect(catchUp.search.get('after')).toBe('3');
    expect(within(log).getAllByRole('listitem')).toHaveLength(1);
    expect(within(log).queryByText('Message number 3')).not.toBeInTheDocument();

    api.receive('s1', { text: 'Hello?' });
    api.receive('s1', { text: 'Still here' });
    await waitFor(() => expect(within(log).getAllByRole('listitem')).toHaveLength(3));
    expect(within(log).getAllByRole('listitem').map((li) => li.querySelector('.message__text')?.textContent)).toEqual([
      'Is anyone there?',
      'Hello?',
      'Still here',
    ]);
  });

  it('renders links in text only for http(s), opening safely in a new tab', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [
      message(1, { text: 'See https://example.com/a?b=1. Or javascript:alert(1) or data:text/html,x' }),
      message(2, {
        author: { role: 'agent', name: 'Sam' },
        kind: 'link',
        text: undefined,
        link: { url: 'https://shop.test/p/1', title: 'Our pricing', imageUrl: 'https://cdn.test/p.png', description: 'Plans' },
      }),
      message(3, { author: { role: 'agent' }, kind: 'link', text: undefined, link: { url: 'javascript:alert(1)', title: 'Bad', imageUrl: 'javascript:x' } }),
    ]);
    const { container } = renderConsole();
    await openConversation(user, /Ada/);

    const messages = screen.getByRole('region', { name: 'Messages' });
    const inline = within(messages).getByRole('link', { name: /https:\/\/example\.com\/a\?b=1/ });
    expect(inline).toHaveAttribute('href', 'https://example.com/a?b=1');
    const card = screen.getByRole('link', { name: /Our pricing/ });
    expect(card).toHaveAttribute('href', 'https://shop.test/p/1');
    for (const link of within(messages).getAllByRole('link')) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect(within(messages).getAllByRole('link')).toHaveLength(2);
    expect(screen.getByText('Bad')).toBeInTheDocument();
    expect(screen.getByText('Link blocked: not an http(s) address')).toBeInTheDocument();
    const images = container.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]).toHaveAttribute('src', 'https://cdn.test/p.png');
    expect(screen.getByText('Sam (agent)')).toBeInTheDocument();
  });
});
