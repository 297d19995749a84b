import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { createFakeInvitationApi } from './support/fake-invitation-api';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();
let invites: ReturnType<typeof createFakeInvitationApi>;

beforeEach(() => {
  invites = createFakeInvitationApi();
  invites.participants.push(
    { externalId: 'u-ana', locale: 'fr', attributes: { first_name: 'Ana', plan: 'gold' } },
    { externalId: 'u-bob', locale: 'en', attributes: { first_name: 'Bob' } },
  );
  api.server.use(...invites.handlers);
});
afterEach(() => api.server.resetHandlers());

async function openInvitations() {
  const user = userEvent.setup();
  renderConsole();
  await user.click(await screen.findByRole('button', { name: 'Invitations' }));
  await screen.findByRole('heading', { name: 'Invitations' });
  return user;
}

async function startNew() {
  const user = await openInvitations();
  await user.click(screen.getByRole('button', { name: 'New invitation' }));
  await waitFor(() => expect(screen.getByRole('heading', { name: 'New invitation' })).toHaveFocus());
  return user;
}

const field = (label: string | RegExp) => screen.getByLabelText(label);

/** A complete French email draft, to the users who have not chatted for 30 days. */
async function fillFrenchDraft(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(field('Engagement language'), 'French');
  await user.type(field('Name'), 'Winter relaunch');
  await user.clear(field('Sending starts'));
  await user.type(field('Sending starts'), '2026-12-01T09:30');
  await user.clear(field('Closes'));
  await user.type(field('Closes'), '2030-01-01T00:00');
  await user.type(field('Response limit (optional)'), '50');
  await user.click(screen.getByRole('radio', { name: 'Participants matching conditions' }));
  await user.click(screen.getByRole('button', { name: 'Add a condition on an attribute' }));
  await user.type(field('Attribute 1'), 'plan');
  await user.type(field('Value'), 'gold');
  await user.type(field('Has not chatted in the last … days (optional)'), '30');
  await user.selectOptions(field('Sample'), 'A random percentage');
  await user.type(field('Percentage'), '25');
  await user.click(screen.getByRole('checkbox', { name: 'Only participants whose preferred language is French' }));
  await user.type(field('Subject (French)'), 'Bonjour {{{{first_name}}');
  await user.type(field('Message (French)'), 'Parlons ici : {{{{link}}');
}

describe('console: invitations', { timeout: 30_000 }, () => {
  it('is a section of its own for owners and admins, empty at first', async () => {
    await openInvitations();
    expect(await screen.findByText('No invitations yet. Create one to reach your participants.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invitations' })).toHaveAttribute('aria-current', 'page');
  });

  it('is not offered to a plain agent', async () => {
    api.state.role = 'agent';
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invitations' })).not.toBeInTheDocument();
  });

  it('asks for the engagement language first: who and what stay hidden until then, and say why', async () => {
    const user = await startNew();
    expect(screen.queryByRole('group', { name: 'Who receives it' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Message/)).not.toBeInTheDocument();
    expect(screen.getByText(/Choose the engagement language above/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(field('Engagement language')).toHaveFocus());
    expect(field('Engagement language')).toHaveAccessibleDescription(expect.stringContaining('Choose the engagement language first.'));

    await user.selectOptions(field('Engagement language'), 'Japanese');
    expect(screen.getByRole('group', { name: 'Who receives it' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Only participants whose preferred language is Japanese' })).not.toBeChecked();
    expect(field('Message (Japanese)')).toBeInTheDocument();
    expect(field('Sending starts')).toHaveAccessibleDescription(expect.stringMatching(/^Your time zone: /));
    expect(invites.bodies).toHaveLength(0);
  });

  it('says every problem next to its field and focuses the first; nothing is sent', async () => {
    const user = await startNew();
    await user.selectOptions(field('Engagement language'), 'English');
    await user.clear(field('Closes'));
    await user.type(field('Closes'), '2020-01-01T00:00');
    await user.click(screen.getByRole('radio', { name: 'Specific participants (external ids)' }));
    await user.type(field('Message (English)'), 'Come and chat');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => expect(field('Name')).toHaveFocus());
    expect(field('Name')).toHaveAccessibleDescription(expect.stringContaining('Give the invitation a name.'));
    expect(field('Closes')).toHaveAccessibleDescription(expect.stringContaining('The window must end in the future.'));
    expect(field('External ids')).toHaveAccessibleDescription(expect.stringContaining('Enter at least one external id.'));
    expect(field('Subject (English)')).toHaveAccessibleDescription(expect.stringContaining('An email needs a subject.'));
    expect(field('Message (English)')).toHaveAccessibleDescription(expect.stringContaining('Put {{link}} where the personal link goes.'));
    expect(field('Message (English)')).toHaveAttribute('aria-invalid', 'true');
    expect(invites.bodies).toHaveLength(0);
  });

  it('creates a draft with every field, times sent in UTC, and shows it with its seed and audience', async () => {
    const user = await startNew();
    await fillFrenchDraft(user);
    expect(field('Message (French)')).toHaveAccessibleDescription(expect.stringContaining('Placeholders in this message: {{link}}'));
    await user.click(screen.getByText('Messages in other languages (optional)'));
    await user.type(field('Subject (English)'), 'Hello {{{{first_name}}');
    await user.type(field('Message (English)'), 'Chat with us: {{{{link}}');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(invites.bodies).toEqual([
      {
        name: 'Winter relaunch',
        description: null,
        locale: 'fr',
        opensAt: new Date('2026-12-01T09:30').toISOString(),
        closesAt: new Date('2030-01-01T00:00').toISOString(),
        responseLimit: 50,
        target: { kind: 'filter', attributes: [{ key: 'plan', op: 'equals', value: 'gold' }], notChattedInDays: 30, sample: { percent: 25 } },
        localeMatchOnly: true,
        channel: 'email',
        messages: {
          fr: { subject: 'Bonjour {{first_name}}', body: 'Parlons ici : {{link}}' },
          en: { subject: 'Hello {{first_name}}', body: 'Chat with us: {{link}}' },
        },
      },
    ]);
    const panel = await screen.findByRole('complementary', { name: 'Winter relaunch' });
    expect(within(panel).getByText('Draft')).toBeInTheDocument();
    expect(within(panel).getByText('seed-1')).toBeInTheDocument();
    expect(
      within(panel).getByText(
        'subscribed participants where plan is “gold” and no chat in the last 30 days, only those whose preferred language is French, a random sample of 25%',
      ),
    ).toBeInTheDocument();
    const row = within(screen.getByRole('table', { name: 'Invitations, newest first' })).getByRole('row', { name: /Winter relaunch/ });
    expect(row).toHaveTextContent('French');
    expect(row).toHaveTextContent('Draft');
  });

  it('edits a draft: the form comes back filled, and the change is saved', async () => {
    const user = await startNew();
    await fillFrenchDraft(user);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const panel = await screen.findByRole('complementary', { name: 'Winter relaunch' });
    await user.click(within(panel).getByRole('button', { name: 'Edit' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Edit “Winter relaunch”' })).toHaveFocus());
    expect(field('Engagement language')).toHaveValue('fr');
    expect(field('Attribute 1')).toHaveValue('plan');
    expect(field('Percentage')).toHaveValue(25);
    expect(field('Percentage')).toHaveAccessibleDescription(expect.stringContaining('Seed seed-1'));
    expect(field('Message (French)')).toHaveValue('Parlons ici : {{link}}');
    await user.clear(field('Name'));
    await user.type(field('Name'), 'Winter relaunch 2');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('complementary', { name: 'Winter relaunch 2' })).toBeInTheDocument();
    expect(invites.bodies[1]).toMatchObject({ name: 'Winter relaunch 2', locale: 'fr', target: { kind: 'filter', sample: { percent: 25 }, seed: 'seed-1' } });
  });

  it('a field the server refuses is said on that field', async () => {
    const user = await startNew();
    await fillFrenchDraft(user);
    invites.refuseNextCreate([{ pointer: '/target/attributes/0/key', message: 'Attribute names are letters, digits and _.' }]);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(field('Attribute 1')).toHaveFocus());
    expect(field('Attribute 1')).toHaveAccessibleDescription(expect.stringContaining('Attribute names are letters, digits and _.'));
    expect(screen.getByRole('alert')).toHaveTextContent('The invitation was not saved. See the fields marked below.');
  });

  it('previews the message for a real participant, in their language with their attributes', async () => {
    const user = await startNew();
    await fillFrenchDraft(user);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const panel = await screen.findByRole('complementary', { name: 'Winter relaunch' });
    await user.type(within(panel).getByLabelText('Preview for participant (external id)'), 'u-ana');
    await user.click(within(panel).getByRole('button', { name: 'Preview' }));
    const preview = await within(panel).findByRole('figure', { name: 'Message for u-ana' });
    expect(preview).toHaveTextContent('Subject: Bonjour Ana');
    expect(preview).toHaveTextContent('Parlons ici : https://chat.example/i/preview');

    await user.clear(within(panel).getByLabelText('Preview for participant (external id)'));
    await user.type(within(panel).getByLabelText('Preview for participant (external id)'), 'nobody');
    await user.click(within(panel).getByRole('button', { name: 'Preview' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('No participant has the external id “nobody”.');
  });

  it('sends after a confirmation naming the audience, then follows delivery until someone responds', async () => {
    const user = await startNew();
    await fillFrenchDraft(user);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const panel = await screen.findByRole('complementary', { name: 'Winter relaunch' });
    await user.click(within(panel).getByRole('button', { name: 'Send…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send “Winter relaunch”?' });
    expect(dialog).toHaveTextContent('To: subscribed participants where plan is “gold”');
    expect(within(dialog).getByRole('button', { name: 'Back' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Send by email' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await within(panel).findByText('Sending');
    expect(within(panel).getByText('· updating every few seconds')).toBeInTheDocument();
    expect(within(panel).getByRole('heading', { name: 'Skipped' }).nextElementSibling).toHaveTextContent('u-bob: Preferred language does not match');

    invites.deliver('inv_1', 'u-ana', { status: 'sent' }, 'sent');
    invites.deliver('inv_1', 'u-ana', { openedAt: new Date().toISOString() }, 'opened');
    invites.deliver('inv_1', 'u-ana', { respondedAt: new Date().toISOString() }, 'responded');
    // No click: the panel polls while the invitation is sending.
    await waitFor(() => expect(within(panel).getByText('Responded', { selector: 'dt' }).nextElementSibling).toHaveTextContent('1'), { timeout: 6000 });
    expect(within(panel).getByText('Skipped', { selector: 'dt' }).nextElementSibling).toHaveTextContent('1');
    await user.click(within(panel).getByText('u-ana'));
    const timeline = within(panel).getByRole('list', { name: 'Timeline of u-ana' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(4);
    expect(timeline).toHaveTextContent('Queued');
    expect(timeline).toHaveTextContent('Opened the link');
    expect(timeline).toHaveTextContent('Started a conversation');
  });

  it('says which server settings a channel lacks, before and when sending', async () => {
    invites.channels.email = { configured: false, missing: ['SMTP_URL', 'DIRECT_CHAT_MAIL_FROM'] };
    const user = await startNew();
    await fillFrenchDraft(user);
    expect(screen.getByText(/Email is not set up on this server/)).toHaveTextContent('Ask whoever runs the server to set SMTP_URL and DIRECT_CHAT_MAIL_FROM, then restart it.');
    await user.click(screen.getByRole('radio', { name: 'SMS' }));
    expect(screen.queryByText(/is not set up on this server/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Subject (French)')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Email' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const panel = await screen.findByRole('complementary', { name: 'Winter relaunch' });
    expect(within(panel).getByText(/Email is not set up on this server/)).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Send…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Send by email' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Email is not set up on this server: see the note above.');
  });

  it('cancels a sending invitation after asking', async () => {
    const user = await startNew();
    await fillFrenchDraft(user);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const panel = await screen.findByRole('complementary', { name: 'Winter relaunch' });
    await user.click(within(panel).getByRole('button', { name: 'Send…' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Send by email' }));
    await user.click(await within(panel).findByRole('button', { name: 'Cancel invitation…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel “Winter relaunch”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel invitation' }));
    expect(await within(panel).findByText('Cancelled')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Cancel invitation…' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Invitations, newest first' })).getByRole('row', { name: /Winter relaunch/ })).toHaveTextContent('Cancelled'),
    );
  });
});
