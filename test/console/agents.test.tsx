import './support/setup';
import { rmSync } from 'node:fs';
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AgentListResponse } from '../../server/agent-wire';
import { ConsoleApp } from '../../server/console/console-app';
import { startServer, type RunningServer } from '../../server/http-server';
import { agent, call } from '../server/support/api-client';
import { AGENT_TOKEN, testSettings } from '../server/support/test-server';

// The Agents section against the real reference server (SQLite): what it shows is what the server stored.
let server: RunningServer;
let scratch = '';
beforeAll(async () => {
  const made = await testSettings({ databaseUrl: undefined });
  scratch = made.scratch;
  server = await startServer(made.settings);
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});
vi.setConfig({ testTimeout: 30_000 });

let unique = 0;
const newName = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++unique}`;

function openConsole(token = AGENT_TOKEN) {
  sessionStorage.setItem('direct-chat-console:token', token);
  return render(<ConsoleApp apiBase={server.url} />);
}

async function openAgents(user: ReturnType<typeof userEvent.setup>) {
  openConsole();
  await user.click(await screen.findByRole('button', { name: 'Agents' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'Agents' })).toHaveFocus());
}

async function createThroughApi(body: object): Promise<{ id: string; token: string }> {
  const answer = await agent(server.url, '/agents', { body });
  expect(answer.status).toBe(201);
  return { id: answer.body.agent.id, token: answer.body.token };
}

const whoAmI = (token: string) => call(server.url, '/api/agent/me', { token });

function accountItem(name: string): HTMLElement {
  return screen.getByText(name, { selector: '.account__handle bdi' }).closest('li')!;
}

describe('the Agents section', () => {
  it('creates an agent, shows its token once with a copy button, and returns focus to New agent', async () => {
    const user = userEvent.setup();
    await openAgents(user);
    const opener = screen.getByRole('button', { name: 'New agent' });
    await user.click(opener);

    const dialog = await screen.findByRole('dialog', { name: 'New agent' });
    const name = within(dialog).getByLabelText('Sign-in name');
    await waitFor(() => expect(name).toHaveFocus());
    await user.type(name, 'Not Valid');
    await user.type(within(dialog).getByLabelText('Name shown to visitors'), 'Ana from Support');
    await user.click(within(dialog).getByLabelText('Demo Shop demo_app'));
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }));

    // The server's own detail, on the field it is about, which gets focus.
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('Must be 2 to 40 of a-z 0-9 . _ -');
    await waitFor(() => expect(name).toHaveFocus());

    const handle = newName('ana');
    await user.clear(name);
    await user.type(name, handle);
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }));

    const reveal = await screen.findByRole('dialog', { name: 'Agent created' });
    expect(within(reveal).getByText('Store this token now: it is shown only this once.')).toBeInTheDocument();
    const token = (within(reveal).getByLabelText('Personal token') as HTMLInputElement).value;
    expect(token).toMatch(/^dca_/);
    await user.click(within(reveal).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(token);
    expect(within(reveal).getByText('Copied to the clipboard.')).toBeInTheDocument();

    const me = await whoAmI(token);
    expect(me.body.agent).toMatchObject({ name: handle, displayName: 'Ana from Support', role: 'agent', apps: ['demo_app'] });

    await user.click(within(reveal).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    const item = accountItem(handle);
    expect(within(item).getByText('Ana from Support')).toBeInTheDocument();
    expect(within(item).getByText('Demo Shop')).toBeInTheDocument();
    expect(within(item).getByText('Active')).toBeInTheDocument();
    expect(within(item).queryByText(token)).not.toBeInTheDocument();
  });

  it('says on the name field when the name is taken, and keeps what was typed', async () => {
    const taken = newName('taken');
    await createThroughApi({ name: taken, displayName: 'First', role: 'agent', apps: ['demo_app'] });
    const user = userEvent.setup();
    await openAgents(user);
    await user.click(screen.getByRole('button', { name: 'New agent' }));
    const dialog = await screen.findByRole('dialog', { name: 'New agent' });
    await user.type(within(dialog).getByLabelText('Sign-in name'), taken);
    await user.type(within(dialog).getByLabelText('Name shown to visitors'), 'Second');
    await user.click(within(dialog).getByRole('button', { name: 'Create agent' }));

    const name = within(dialog).getByLabelText('Sign-in name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('An agent with this name exists already. Choose another.'));
    expect(within(dialog).getByLabelText('Name shown to visitors')).toHaveValue('Second');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New agent' })).toHaveFocus();
  });

  it('changes apps and role, disables and enables, and resets the token', async () => {
    const handle = newName('bo');
    const { id, token } = await createThroughApi({ name: handle, displayName: 'Bo', role: 'agent', apps: ['demo_app'] });
    const user = userEvent.setup();
    await openAgents(user);
    const item = await waitFor(() => accountItem(handle));
    expect(within(item).getByText('Active')).toBeInTheDocument();

    const change = within(item).getByRole('button', { name: `Change ${handle}` });
    await user.click(change);
    const dialog = await screen.findByRole('dialog', { name: `Change ${handle}` });
    await user.click(within(dialog).getByLabelText('Demo Shop demo_app'));
    await user.click(within(dialog).getByLabelText('Partner partner_app'));
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'admin');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(change).toHaveFocus();
    expect(within(item).getByText('Admin')).toBeInTheDocument();
    expect(within(item).getByText('Partner')).toBeInTheDocument();
    expect((await whoAmI(token)).body.agent).toMatchObject({ role: 'admin', apps: ['partner_app'] });

    await user.click(within(item).getByRole('button', { name: `Disable ${handle}` }));
    await waitFor(() => expect(within(item).getByText('Disabled')).toBeInTheDocument());
    // The same button, now Enable, keeps the keyboard's place.
    expect(within(item).getByRole('button', { name: `Enable ${handle}` })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(`${handle} is disabled`);
    expect((await whoAmI(token)).status).toBe(401);
    await user.click(within(item).getByRole('button', { name: `Enable ${handle}` }));
    await waitFor(() => expect(within(item).getByText('Active')).toBeInTheDocument());
    expect((await whoAmI(token)).status).toBe(200);

    const reset = within(item).getByRole('button', { name: `Reset token of ${handle}` });
    await user.click(reset);
    const confirm = await screen.findByRole('dialog', { name: `Reset the token of ${handle}?` });
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(confirm).getByRole('button', { name: 'Reset token' }));
    const reveal = await screen.findByRole('dialog', { name: 'New token made' });
    expect(within(reveal).getByText(/previous token has stopped working/)).toBeInTheDocument();
    const fresh = (within(reveal).getByLabelText('Personal token') as HTMLInputElement).value;
    expect([(await whoAmI(token)).status, (await whoAmI(fresh)).status]).toEqual([401, 200]);
    await user.keyboard('{Escape}');
    expect(reset).toHaveFocus();

    const stored = await agent<AgentListResponse>(server.url, '/agents');
    expect(stored.body.agents.find((account) => account.id === id)).toMatchObject({ role: 'admin', apps: ['partner_app'], disabled: false });
  });

  it('lets an admin give only the agent role and only its own apps, and lists only those agents', async () => {
    const admin = await createThroughApi({ name: newName('admin'), displayName: 'Adi', role: 'admin', apps: ['demo_app'] });
    const mine = newName('mine');
    const theirs = newName('theirs');
    await createThroughApi({ name: mine, displayName: 'Mine', role: 'agent', apps: ['demo_app'] });
    await createThroughApi({ name: theirs, displayName: 'Theirs', role: 'agent', apps: ['partner_app'] });

    const user = userEvent.setup();
    openConsole(admin.token);
    await user.click(await screen.findByRole('button', { name: 'Agents' }));
    await waitFor(() => expect(accountItem(mine)).toBeInTheDocument());
    expect(screen.queryByText(theirs)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New agent' }));
    const dialog = await screen.findByRole('dialog', { name: 'New agent' });
    const roles = within(dialog).getAllByRole('option').map((option) => option.textContent);
    expect(roles).toEqual(['Agent']);
    expect(within(dialog).getAllByRole('checkbox').map((box) => box.closest('label')!.textContent)).toEqual(['Demo Shop demo_app']);
  });

  it('is not offered to agents', async () => {
    const plain = await createThroughApi({ name: newName('plain'), displayName: 'Pat', role: 'agent', apps: ['demo_app'] });
    openConsole(plain.token);
    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Agents' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
  });
});
