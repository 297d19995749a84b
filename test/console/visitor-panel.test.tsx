import './support/setup';
import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, visitorDetail } from './support/fixtures';
import { openConversation } from './support/open-conversation';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();

function definitions(panel: HTMLElement): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const dt of panel.querySelectorAll('dt')) pairs[dt.textContent!] = dt.nextElementSibling!.textContent!;
  return pairs;
}

async function openPanel(): Promise<HTMLElement> {
  renderConsole();
  await openConversation(userEvent.setup(), /Ada|Visitor/);
  return screen.findByRole('region', { name: 'Visitor' });
}

describe('visitor panel', () => {
  it('shows a verified customer with the customer id, and claims apart as unverified', async () => {
    api.addSession(
      's1',
      visitorDetail({
        verified: true,
        customerId: 'cust-4711',
        displayName: 'Ada',
        locale: 'zh-tw',
        claims: { name: 'Ada Lovelace', email: 'ada@example.com' },
        vars: { campaign: 'spring', external_id: 'X-9' },
      }),
      [message(1)],
    );
    const panel = await openPanel();
    expect(within(panel).getByText('Verified customer')).toBeInTheDocument();
    expect(within(panel).queryByText('Not verified')).not.toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Claimed details (unverified)' })).toBeInTheDocument();
    expect(definitions(panel)).toMatchObject({
      'Customer ID': 'cust-4711',
      Name: 'Ada Lovelace',
      Email: 'ada@example.com',
      campaign: 'spring',
      external_id: 'X-9',
      Language: 'Chinese (Traditional) (zh-tw)',
    });
    expect(definitions(panel)).not.toHaveProperty('Phone');
  });

  it('shows the attributes a deep link supplied, marked as from the business\'s system, collections as lists', async () => {
    api.addSession(
      's1',
      visitorDetail({
        verified: true,
        customerId: 'user_12345',
        userContext: {
          userId: 'user_12345',
          attributes: { name: 'John Doe', account_type: 'premium', interests: ['shoes', 'bags'], vip: true, visits: 7 },
          updatedAt: '2026-11-28T10:00:00.000Z',
        },
      }),
      [message(1)],
    );
    const panel = await openPanel();
    expect(within(panel).getByRole('heading', { name: "From your business's system" })).toBeInTheDocument();
    expect(within(panel).getByText('Supplied by your system')).toBeInTheDocument();
    expect(within(panel).getByText(/Sent with a personal link for user/)).toHaveTextContent('user_12345');
    expect(definitions(panel)).toMatchObject({
      'Customer ID': 'user_12345',
      name: 'John Doe',
      account_type: 'premium',
      interests: 'shoes, bags',
      vip: 'true',
      visits: '7',
    });
  });

  it('shows no business section for a visitor without a deep link', async () => {
    api.addSession('s1', visitorDetail({ verified: true, customerId: 'cust-1' }), [message(1)]);
    const panel = await openPanel();
    expect(within(panel).queryByText('Supplied by your system')).not.toBeInTheDocument();
  });

  it('shows an unverified visitor with "Unverified claims" and no customer id', async () => {
    api.addSession(
      's1',
      visitorDetail({
        verified: false,
        displayName: 'Ada',
        customerId: 'should-not-show',
        claims: { name: 'Ada', nickname: 'countess', phone: '+44 20 7946 0000' },
      }),
      [message(1)],
    );
    const panel = await openPanel();
    expect(within(panel).getByText('Not verified')).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Unverified claims' })).toBeInTheDocument();
    const pairs = definitions(panel);
    expect(pairs).not.toHaveProperty('Customer ID');
    expect(panel).not.toHaveTextContent('should-not-show');
    expect(pairs).toMatchObject({ Name: 'Ada', Nickname: 'countess', Phone: '+44 20 7946 0000', Language: 'English (en)' });
    expect(within(panel).getByText('None.')).toBeInTheDocument();
  });

  it('says when a guest gave nothing', async () => {
    api.addSession('s1', visitorDetail({ locale: 'ja' }), []);
    const panel = await openPanel();
    expect(within(panel).getByText('None given.')).toBeInTheDocument();
    expect(definitions(panel).Language).toBe('Japanese (ja)');
  });
});
