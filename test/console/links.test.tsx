import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeAgentApi } from './support/fake-agent-api';
import { createFakeLinkApi } from './support/fake-link-api';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();
let links: ReturnType<typeof createFakeLinkApi>;
let qrRequests: string[];

beforeEach(() => {
  links = createFakeLinkApi();
  api.server.use(...links.handlers);
  qrRequests = [];
  api.server.events.on('request:start', ({ request }) => {
    if (request.url.includes('/qr.')) qrRequests.push(new URL(request.url).pathname + new URL(request.url).search);
  });
  // jsdom has no object URLs; the console only hands them to <img> and <a download>.
  URL.createObjectURL = vi.fn(() => 'blob:qr');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  api.server.resetHandlers();
  api.server.events.removeAllListeners();
});

async function openLinks() {
  const user = userEvent.setup();
  renderConsole();
  await user.click(await screen.findByRole('button', { name: 'Links' }));
  await screen.findByRole('heading', { name: 'Links' });
  return user;
}

const field = (label: string | RegExp) => screen.getByLabelText(label);

describe('console: chat links', { timeout: 20_000 }, () => {
  it('lists nothing at first, and the section is marked current', async () => {
    await openLinks();
    expect(await screen.findByText('No links yet. Create one to share this chat.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Links' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'Conversations' })).not.toHaveAttribute('aria-current');
  });

  it('is not offered to an agent (only owners and admins manage links)', async () => {
    api.state.role = 'agent';
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Links' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();
  });

  it('explains every bad field next to it and focuses the first', async () => {
    const user = await openLinks();
    await user.click(screen.getByRole('button', { name: 'New link' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'New link' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(field('Name')).toHaveFocus();
    expect(field('Name')).toHaveAccessibleDescription(expect.stringContaining('Give the link a name.'));
    expect(field('Name')).toHaveAttribute('aria-invalid', 'true');

    await user.type(field('Name'), 'Newsletter');
    await user.type(field('Slug (optional)'), 'console');
    await user.type(field('Conversations per person (optional)'), '0');
    await user.type(field('Active from (optional)'), '2026-12-02T10:00');
    await user.type(field('Expires at (optional)'), '2026-12-01T10:00');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(field('Expires at (optional)')).toHaveAccessibleDescription(expect.stringContaining('The link must expire after it becomes active.'));
    await user.clear(field('Expires at (optional)'));
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    expect(field('Slug (optional)')).toHaveFocus();
    expect(field('Slug (optional)')).toHaveAccessibleDescription(expect.stringContaining('This word is reserved'));
    expect(field('Conversations per person (optional)')).toHaveAccessibleDescription(expect.stringContaining('at least 1'));
    expect(links.bodies).toHaveLength(0);
  });

  it('creates a link with every field, then shows its address, QR code and engagement', async () => {
    const user = await openLinks();
    await user.click(screen.getByRole('button', { name: 'New link' }));
    await user.type(field('Name'), 'Spring newsletter');
    await user.type(field('Notes (optional)'), 'Sent to the March list');
    await user.selectOptions(field('Language'), 'French');
    await user.type(field('Active from (optional)'), '2026-12-01T09:30');
    await user.type(field('Expires at (optional)'), '2027-01-01T00:00');
    await user.type(field('Slug (optional)'), 'spring-sale');
    await user.type(field('Conversations per person (optional)'), '2');
    await user.click(screen.getByRole('button', { name: 'Create link' }));

    expect(links.bodies).toEqual([
      {
        name: 'Spring newsletter',
        description: 'Sent to the March list',
        locale: 'fr',
        activeFrom: new Date('2026-12-01T09:30').toISOString(),
        expiresAt: new Date('2027-01-01T00:00').toISOString(),
        slug: 'spring-sale',
        perParticipantLimit: 2,
      },
    ]);
    const summary = await screen.findByRole('complementary', { name: 'Spring newsletter' }, { timeout: 5000 });
    expect(within(summary).getByLabelText('Address')).toHaveValue('https://chat.example/c/spring-sale');
    await user.click(within(summary).getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe('https://chat.example/c/spring-sale');
    expect(within(summary).getByRole('status')).toHaveTextContent('Address copied.');
    expect(await within(summary).findByRole('img', { name: 'QR code for https://chat.example/c/spring-sale' })).toBeInTheDocument();
    await user.selectOptions(within(summary).getByLabelText('PNG size in pixels'), '1024 × 1024 px');
    await user.click(within(summary).getByRole('button', { name: 'Download PNG' }));
    await user.click(within(summary).getByRole('button', { name: 'Download SVG' }));
    await waitFor(() =>
      expect(qrRequests).toEqual(['/api/agent/apps/shop/links/l_1/qr.svg', '/api/agent/apps/shop/links/l_1/qr.png?size=1024', '/api/agent/apps/shop/links/l_1/qr.svg']),
    );
    const row = within(screen.getByRole('table', { name: 'Chat links, newest first' })).getByRole('row', { name: /Spring newsletter/ });
    expect(row).toHaveTextContent('French');
    expect(row).toHaveTextContent('Scheduled');
  });

  it('shows opens, conversations and messages per day, and disables and re-enables a link', async () => {
    const user = await openLinks();
    await user.click(screen.getByRole('button', { name: 'New link' }));
    await user.type(field('Name'), 'Flyer');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    const summary = await screen.findByRole('complementary', { name: 'Flyer' }, { timeout: 5000 });
    expect(within(summary).getByText('No activity yet.')).toBeInTheDocument();

    const [stored] = links.links.values();
    links.links.set(stored.id, { ...stored, totals: { opens: 9, conversations: 3, messages: 7 } });
    links.engagement.set(stored.id, [
      { day: '2026-11-27', opens: 4, conversations: 1, messages: 2 },
      { day: '2026-11-28', opens: 5, conversations: 2, messages: 5 },
    ]);
    await user.click(within(summary).getByRole('button', { name: 'Disable link' }));
    const days = await within(summary).findByRole('table', { name: 'Engagement per day (UTC)' });
    const rows = within(days).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Sat, Nov 28525', 'Fri, Nov 27412']);
    expect(within(summary).getByText('9 opens · 3 conversations · 7 messages')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Chat links, newest first' })).getByText('Disabled')).toBeInTheDocument();
    await user.click(within(summary).getByRole('button', { name: 'Enable link' }));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Chat links, newest first' })).getByText('Active')).toBeInTheDocument());
  });

  it('a taken slug is said on the slug field; renaming keeps the form on the same link', async () => {
    const user = await openLinks();
    await user.click(screen.getByRole('button', { name: 'New link' }));
    await user.type(field('Name'), 'First');
    await user.type(field('Slug (optional)'), 'taken-slug');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await screen.findByRole('complementary', { name: 'First' }, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'New link' }));
    expect(screen.getByRole('heading', { name: 'New link' })).toHaveFocus();
    await user.type(field('Name'), 'Second');
    await user.type(field('Slug (optional)'), 'taken-slug');
    await user.click(screen.getByRole('button', { name: 'Create link' }));
    await waitFor(() => expect(field('Slug (optional)')).toHaveFocus(), { timeout: 5000 });
    expect(field('Slug (optional)')).toHaveAccessibleDescription(expect.stringContaining('Another link already uses this slug.'));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'First' }));
    const summary = await screen.findByRole('complementary', { name: 'First' }, { timeout: 5000 });
    await user.click(within(summary).getByRole('button', { name: 'Edit' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Edit “First”' })).toHaveFocus());
    await user.clear(field('Slug'));
    await user.type(field('Slug'), 'renamed');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('complementary', { name: 'First' }, { timeout: 5000 })).toBeInTheDocument();
    expect(links.bodies.at(-1)).toMatchObject({ slug: 'renamed', name: 'First' });
    expect(screen.getByLabelText('Address')).toHaveValue('https://chat.example/c/renamed');
  });
});
