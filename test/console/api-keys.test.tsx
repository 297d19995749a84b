import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();
const asksForKeys = () => api.state.requests.some((request) => request.path.endsWith('/api-keys'));

describe('API keys for personal links', () => {
  it('have their own section: a new key is shown once, and a key is revoked only once confirmed', async () => {
    const user = userEvent.setup();
    renderConsole();
    await screen.findByRole('heading', { name: 'Conversations' });
    expect(asksForKeys()).toBe(false);

    await user.click(screen.getByRole('button', { name: 'API keys' }));
    expect(await screen.findByText('No keys yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText("New key's name"), 'CRM export');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const created = (await screen.findByText(/Copy it now/)).closest('div')!;
    expect(within(created).getByText(`dck_${'K'.repeat(43)}`)).toBeInTheDocument();
    expect(api.state.requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'CRM export' });

    // Asked first; Cancel (or Escape) leaves the key alone and gives focus back to Revoke.
    const revoke = await screen.findByRole('button', { name: 'Revoke CRM export' });
    await user.click(revoke);
    const confirm = screen.getByRole('group', { name: 'Revoke CRM export?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Revoke CRM export' })).toHaveFocus();
    expect(api.state.requests.some((request) => request.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Revoke CRM export' }));
    await user.click(screen.getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => expect(screen.getByText(/^Revoked /)).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Revoke CRM export' })).not.toBeInTheDocument();
    expect(screen.getByText('Key CRM export revoked.')).toBeInTheDocument();
  });

  it('are not offered to an agent', async () => {
    api.state.role = 'agent';
    renderConsole();
    await screen.findByRole('heading', { name: 'Conversations' });
    expect(screen.queryByRole('button', { name: 'API keys' })).not.toBeInTheDocument();
    expect(asksForKeys()).toBe(false);
  });
});
