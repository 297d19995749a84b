import './support/setup';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LinkPreview } from '../../src/api/wire';
import { installFakeAgentApi } from './support/fake-agent-api';
import { message, visitorDetail } from './support/fixtures';
import { openConversation } from './support/open-conversation';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();
// The machine running the suite may be busy: live updates get more than findBy's default second.
const LIVE = { timeout: 4000 };
const PREVIEW: LinkPreview = { url: 'https://example.com/shoes', title: 'Running shoes', siteName: 'Example shop' };

describe('link previews in the console', () => {
  it('shows a preview that arrives on the app stream for the open conversation, and removes it on request', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1, { text: 'See https://example.com/shoes' })]);
    renderConsole();
    await openConversation(user, /Ada/);
    const messages = screen.getByRole('region', { name: 'Messages' });
    expect(within(messages).queryByRole('group', { name: 'Link preview' })).not.toBeInTheDocument();

    api.setPreview('s1', 1, PREVIEW);
    const card = await within(messages).findByRole('group', { name: 'Link preview' }, LIVE);
    expect(within(card).getByRole('link', { name: /Running shoes/ })).toHaveAttribute('href', PREVIEW.url);

    await user.click(within(messages).getByRole('button', { name: 'Remove preview' }));
    await waitFor(() => expect(within(messages).queryByRole('group', { name: 'Link preview' })).not.toBeInTheDocument(), LIVE);
    expect(api.requests('DELETE', '/sessions/s1/messages/' + api.state.sessions.get('s1')!.messages[0].id + '/preview')).toHaveLength(1);
    expect(within(messages).queryByRole('button', { name: 'Remove preview' })).not.toBeInTheDocument();
  });

  it('ignores a preview event of another conversation', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1, { text: 'See https://example.com/shoes' })]);
    api.addSession('s2', visitorDetail({ displayName: 'Bo' }), [message(1, { text: 'See https://example.com/shoes' })]);
    renderConsole();
    await openConversation(user, /Ada/);
    api.setPreview('s2', 1, PREVIEW);
    api.setPreview('s1', 1, { ...PREVIEW, title: 'For Ada' });
    const messages = screen.getByRole('region', { name: 'Messages' });
    expect(await within(messages).findByText('For Ada', {}, LIVE)).toBeInTheDocument();
    expect(within(messages).queryByText('Running shoes')).not.toBeInTheDocument();
  });

  it('shows the preview the visitor will see while the agent composes a link', async () => {
    const user = userEvent.setup();
    api.addSession('s1', visitorDetail({ displayName: 'Ada' }), [message(1)]);
    api.state.composePreviews.set(PREVIEW.url, PREVIEW);
    renderConsole();
    await openConversation(user, /Ada/);
    await user.type(screen.getByLabelText('Reply'), `Try ${PREVIEW.url} today`);
    const form = screen.getByLabelText('Reply').closest('form')!;
    expect(await within(form).findByRole('group', { name: 'Link preview' }, LIVE)).toHaveTextContent('Running shoes');
    expect(api.requests('POST', '/apps/shop/previews').map((r) => r.body)).toEqual([{ url: PREVIEW.url }]);

    await user.clear(screen.getByLabelText('Reply'));
    expect(within(form).queryByRole('group', { name: 'Link preview' })).not.toBeInTheDocument();
  });
});
