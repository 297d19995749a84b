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
