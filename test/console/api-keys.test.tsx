import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();

describe('API keys for personal links', () => {
  it('are asked for only when the section opens; a new key is shown once, named keys can be revoked', async () => {
    const user = userEvent.setup();
    renderConsole();
    await screen.findByRole('heading', { name: 'Conversations' });
    const section = screen.getByText('API keys for personal links');
    expect(api.state.requests.some((request) => request.path.endsWith('/api-keys'))).toBe(false);

    await user.click(section);
    expect(await screen.findByText('No keys yet.')).toBeInTheDocument();
    await user.type(screen.getByLabelText("New key's name"), 'CRM export');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const created = (await screen.findByText(/Copy it now/)).closest('div')!;
    expect(within(created).getByText(`dck_${'K'.repeat(43)}`)).toBeInTheDocument();
    expect(api.state.requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'CRM export' });
    const revoke = await screen.findByRole('button', { name: 'Revoke CRM export' });
    await user.click(revoke);
    await waitFor(() => expect(screen.getByText(/^Revoked /)).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Revoke CRM export' })).not.toBeInTheDocument();
  });
});
