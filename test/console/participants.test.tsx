import './support/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { API, installFakeAgentApi } from './support/fake-agent-api';
import { createFakeParticipantApi } from './support/fake-participant-api';
import { renderConsole } from './support/render-console';

const api = installFakeAgentApi();
afterEach(() => api.server.resetHandlers());

function useParticipants(options?: { pageSize?: number }) {
  const fake = createFakeParticipantApi(options);
  api.server.use(...fake.handlers);
  return fake;
}

async function openParticipants() {
  const user = userEvent.setup();
  renderConsole();
  await user.click(await screen.findByRole('button', { name: 'Participants' }));
  await screen.findByRole('heading', { name: 'Participants' });
  return user;
}

const csvFile = (text: string, name = 'people.csv') => new File([text], name, { type: 'text/csv' });
const CSV = [
  'external_id,email,phone,locale,subscribed,plan',
  'ann,ann@example.com,+33 6 12 34 56 78,fr-CA,yes,gold',
  'bob,not-an-email,,,,silver',
  'cy,,+4915112345678,de,no,',
  '<img src=x onerror=alert(1)>,,,,,',
].join('\r\n');

describe('console: participants', { timeout: 20_000 }, () => {
  it('is a section for owners and admins, next to Links, and not offered to an agent', async () => {
    useParticipants();
    await openParticipants();
    const tabs = within(screen.getByRole('navigation', { name: 'Sections' })).getAllByRole('button').map((tab) => tab.textContent);
    expect(tabs).toEqual(['Conversations', 'Links', 'Participants', 'Invitations', 'API keys', 'Agents']);
    expect(screen.getByRole('button', { name: 'Participants' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('No participants yet. Import a CSV file to add them.')).toBeInTheDocument();
  });

  it('hides the section from a plain agent', async () => {
    useParticipants();
    api.state.role = 'agent';
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Conversations' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Participants' })).not.toBeInTheDocument();
  });

  it('imports a chosen CSV file: the report lists rejected rows by line with their reason, focused and announced', async () => {
    const fake = useParticipants();
    const user = await openParticipants();
    await user.upload(screen.getByLabelText('Import a CSV file'), csvFile(CSV));

    const heading = await screen.findByRole('heading', { name: 'Import of people.csv' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(fake.uploads[0].contentType).toBe('text/csv');
    expect(screen.getByRole('status')).toHaveTextContent('Import finished: 2 created, 0 updated, 2 rejected.');
    const rejected = screen.getByRole('table', { name: /Rejected rows/ });
    const rows = within(rejected)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole(/cell|rowheader/).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'bob', 'email', 'Not an email address'],
      ['5', '<img src=x onerror=alert(1)>', 'external_id', expect.stringMatching(/letters, digits/)],
    ]);
    // Remote strings are text, never markup.
    expect(document.querySelector('img')).toBeNull();

    const list = await screen.findByRole('table', { name: 'Participants, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('row')).toHaveLength(3));
    const ann = within(list).getByRole('rowheader', { name: 'ann' }).closest('tr')!;
    expect([...ann.children].map((cell) => cell.textContent)).toEqual(['ann', 'ann@example.com', '+33612345678', 'French', 'Yes', 'Never']);
    const cy = within(list).getByRole('rowheader', { name: 'cy' }).closest('tr')!;
    expect(within(cy).getByText('No')).toBeInTheDocument();
  });

  it('takes a dropped file, and refuses one that is not CSV', async () => {
    const fake = useParticipants();
    await openParticipants();
    const zone = screen.getByLabelText('Import a CSV file').closest('.csv-upload')!;
    fireEvent.drop(zone, { dataTransfer: { files: [new File(['x'], 'photo.png', { type: 'image/png' })] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('photo.png is not a CSV file.');
    fireEvent.drop(zone, { dataTransfer: { files: [csvFile('external_id\nzed\n', 'drop.csv')] } });
    expect(await screen.findByRole('heading', { name: 'Import of drop.csv' })).toBeInTheDocument();
    expect(fake.participants.map((p) => p.externalId)).toEqual(['zed']);
  });

  it('says why a file was refused as a whole', async () => {
    useParticipants();
    const user = await openParticipants();
    await user.upload(screen.getByLabelText('Import a CSV file'), csvFile('email\nx@example.com\n', 'no-id.csv'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/no-id\.csv was not imported\..*external_id/);
  });

  it('searches by id, email or phone and pages with "Show more participants"', async () => {
    const fake = useParticipants({ pageSize: 2 });
    const user = await openParticipants();
    await user.upload(screen.getByLabelText('Import a CSV file'), csvFile('external_id,email\np1,one@example.com\np2,two@example.com\np3,three@shop.example\n'));
    const list = await screen.findByRole('table', { name: 'Participants, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['p3', 'p2']));
    await user.click(screen.getByRole('button', { name: 'Show more participants' }));
    await waitFor(() => expect(within(list).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['p3', 'p2', 'p1']));
    expect(screen.queryByRole('button', { name: 'Show more participants' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search by id, email or phone' }), 'SHOP');
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Participants, newest first' })).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['p3']),
    );
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nobody');
    expect(await screen.findByText('Nobody matches this search.')).toBeInTheDocument();
    expect(fake.participants).toHaveLength(3);
  });

  it('offers to try again when the list cannot be loaded', async () => {
    useParticipants();
    api.server.use(http.get(`${API}/apps/:appId/participants`, () => HttpResponse.error(), { once: true }));
    const user = await openParticipants();
    expect(await screen.findByRole('alert')).toHaveTextContent('Participants could not be loaded.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No participants yet. Import a CSV file to add them.')).toBeInTheDocument();
  });
});
