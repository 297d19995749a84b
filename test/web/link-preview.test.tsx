import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { parseStreamEvent } from '../../src/api/stream-events';
import { API } from './support/fake-backend';
import { setUpFakeBackendServer } from './support/fake-backend-server';
import { openPage } from './support/open-page';

const { newBackend } = setUpFakeBackendServer();
const IMAGE_ID = 'Qk1Tg3sYJm9yYWQ0bF8tZXhhbXBsZQ';

async function conversationWithAgentLink() {
  const backend = newBackend();
  await openPage('/direct/demo_app');
  await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), 'Which shirt?{Enter}');
  await waitFor(() => expect(backend.openStreams()).toBeGreaterThan(0));
  const [session] = backend.sessions.values();
  const message = backend.agentSays(session.id, 'This one: https://shop.example/linen');
  const bubble = (await within(screen.getByRole('log')).findByText(/This one:/)).closest('li') as HTMLElement;
  return { backend, session, message, bubble };
}

describe('link previews on the page', () => {
  it('shows the preview inside its message, as text, linking out safely, with the image from the API origin', async () => {
    const { backend, session, message, bubble } = await conversationWithAgentLink();
    backend.previewMessage(session.id, message, {
      url: 'https://shop.example/linen',
      title: '<img src=x onerror=alert(1)> Linen shirt',
      description: 'Light & airy',
      siteName: 'Demo Shop',
      image: { id: IMAGE_ID, width: 800, height: 500 },
    });
    const card = await within(bubble).findByRole('link', { name: /Link preview:\s*Demo Shop\s*<img src=x onerror=alert\(1\)> Linen shirt/ });
    expect(card).toHaveAttribute('href', 'https://shop.example/linen');
    expect(card).toHaveAttribute('target', '_blank');
    expect(card).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(card).getByText('<img src=x onerror=alert(1)> Linen shirt')).toBeInTheDocument();
    expect(card.querySelector('img[onerror]')).toBeNull();
    const image = card.querySelector('img') as HTMLImageElement;
    expect(image.getAttribute('src')).toBe(`${API}/previews/${IMAGE_ID}`);
    expect(image).toHaveAttribute('alt', '');
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['800', '500']);
    expect(within(bubble).getByText('Demo Shop')).toBeInTheDocument();

    backend.previewMessage(session.id, message);
    await waitFor(() => expect(within(bubble).queryByRole('link', { name: /Link preview/ })).toBeNull());
  });

  it('renders no card for a preview whose link is not http(s), and ignores malformed updates', async () => {
    const { backend, session, message, bubble } = await conversationWithAgentLink();
    backend.previewMessage(session.id, message, { url: 'javascript:alert(1)', title: 'Evil' });
    backend.previewMessage(session.id, { ...message, seq: message.seq + 7 }, { url: 'https://shop.example/', title: 'Wrong seq' });
    // The stream keeps its order: once a later, valid update is on screen, the two before it have been handled.
    const later = backend.agentSays(session.id, 'And this one: https://shop.example/wool');
    backend.previewMessage(session.id, later, { url: 'https://shop.example/wool', title: 'Wool shirt' });
    expect(await screen.findByRole('link', { name: /Link preview:\s*Wool shirt/ })).toBeInTheDocument();
    expect(within(bubble).queryByText('Evil')).toBeNull();
    expect(within(bubble).queryByText('Wrong seq')).toBeNull();
  });

  it('shows a preview that was stored before the page loaded', async () => {
    const { backend, session, message } = await conversationWithAgentLink();
    backend.previewMessage(session.id, message, { url: 'https://shop.example/linen', title: 'Stored preview' });
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('link', { name: /^Link preview:\s*Stored preview/ })).toBeInTheDocument();
  });
});

describe('the preview stream event', () => {
  const raw = (data: unknown) => ({ event: 'preview', data: JSON.stringify(data), id: undefined });

  it('accepts an update or a removal and refuses anything off the contract', () => {
    const preview = { url: 'https://a.example/', title: 'A', image: { id: IMAGE_ID, width: 1, height: 1 } };
    expect(parseStreamEvent(raw({ messageId: 'm1', seq: 3, preview }))).toEqual({ type: 'preview', data: { messageId: 'm1', seq: 3, preview } });
    expect(parseStreamEvent(raw({ messageId: 'm1', seq: 3 }))).toEqual({ type: 'preview', data: { messageId: 'm1', seq: 3 } });
    for (const bad of [
      { seq: 3, preview },
      { messageId: 'm1', seq: -1, preview },
      { messageId: 'm1', seq: 3, preview: { url: 'https://a.example/' } },
      { messageId: 'm1', seq: 3, preview: { ...preview, image: { id: '../../etc', width: 1, height: 1 } } },
      { messageId: 'm1', seq: 3, preview: null },
    ]) {
      expect(parseStreamEvent(raw(bad)), JSON.stringify(bad)).toBeNull();
    }
  });
});
