import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { Message } from '../../src/api/wire';
import { parseStreamEvent } from '../../src/api/stream-events';
import { samplePng } from '../server/previews/support/test-images';
import { openPage } from './support/open-page';
import { EVENTS, nextAnswer } from './support/page-requests';
import { SESSION_KEY, useRealServer } from './support/real-server';

const IMAGE_ID = 'Qk1Tg3sYJm9yYWQ0bF8tZXhhbXBsZQ';

// A shop's web site on loopback, which the server fetches to preview the agent's links (its title is hostile).
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Linen shirt';
let site: Server;
let siteOrigin = '';
beforeAll(async () => {
  const photo = await samplePng(800, 500);
  const escaped = HOSTILE_TITLE.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  site = createServer((request, response) => {
    if (request.url === '/photo.png') return response.writeHead(200, { 'Content-Type': 'image/png' }).end(photo);
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html><head><meta charset="utf-8"><meta property="og:title" content="${escaped}">` +
        '<meta property="og:description" content="Light &amp; airy"><meta property="og:site_name" content="Demo Shop">' +
        '<meta property="og:image" content="/photo.png"></head><body></body></html>',
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())));

const server = useRealServer(() => ({ unfurlAllow: siteOrigin.replace('http://', '') }));
const { faults } = server;

async function conversationWithAgentLink() {
  await openPage('/direct/demo_app');
  const streamOpen = nextAnswer(faults, 'GET', EVENTS);
  await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), 'Which shirt?{Enter}');
  await streamOpen;
  const sessionId = localStorage.getItem(SESSION_KEY)!;
  const message = await server.agentSays(sessionId, `This one: ${siteOrigin}/linen`);
  const bubble = (await within(screen.getByRole('log')).findByText(/This one:/)).closest('li') as HTMLElement;
  return { sessionId, message, bubble };
}

/** The message as the server stores it, once its preview is there. */
async function storedWithPreview(sessionId: string, id: string): Promise<Message> {
  let stored: Message | undefined;
  await waitFor(async () => {
    stored = (await server.transcript(sessionId)).find((candidate) => candidate.id === id);
    expect(stored?.preview).toBeDefined();
  });
  return stored!;
}

describe('link previews on the page', () => {
  it('shows the preview inside its message, as text, linking out safely, with the image from the API origin', async () => {
    const { sessionId, message, bubble } = await conversationWithAgentLink();
    const card = await within(bubble).findByRole('link', { name: /Link preview:\s*Demo Shop\s*<img src=x onerror=alert\(1\)> Linen shirt/ });
    const { preview } = await storedWithPreview(sessionId, message.id);
    expect(card).toHaveAttribute('href', `${siteOrigin}/linen`);
    expect(card).toHaveAttribute('target', '_blank');
    expect(card).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(card).getByText(HOSTILE_TITLE)).toBeInTheDocument();
    expect(card.querySelector('img[onerror]')).toBeNull();
    const image = card.querySelector('img') as HTMLImageElement;
    expect(preview?.image).toBeDefined();
    expect(image.getAttribute('src')).toBe(`${server.api}/previews/${preview!.image!.id}`);
    expect(image).toHaveAttribute('alt', '');
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual([String(preview!.image!.width), String(preview!.image!.height)]);
    expect(within(bubble).getByText('Demo Shop')).toBeInTheDocument();

    const removed = await server.agent('DELETE', `/sessions/${sessionId}/messages/${message.id}/preview`);
    expect(removed.status).toBe(200);
    await waitFor(() => expect(within(bubble).queryByRole('link', { name: /Link preview/ })).toBeNull());
  });

  it('renders no card for a preview whose link is not http(s), and ignores malformed updates', async () => {
    const { sessionId, message, bubble } = await conversationWithAgentLink();
    await storedWithPreview(sessionId, message.id);
    await within(bubble).findByRole('link', { name: /Link preview:\s*Demo Shop/ });
    const next = await server.agentSays(sessionId, 'Anything else?');
    const nextBubble = (await within(screen.getByRole('log')).findByText('Anything else?')).closest('li') as HTMLElement;
    // An odd server: after a reconnect its stream sends a script link and an update naming the wrong seq, then a
    // valid one for the next message. The stream keeps its order: once that one shows, the others were handled.
    const frame = (preview: unknown, seq = message.seq, messageId = message.id) =>
      `event: preview\ndata: ${JSON.stringify({ messageId, seq, preview })}`;
    server.oddStreams([
      `event: ready\ndata: {"lastSeq":${next.seq},"heartbeatMs":15000}`,
      frame({ url: 'javascript:alert(1)', title: 'Evil' }),
      frame({ url: 'https://shop.example/', title: 'Wrong seq' }, message.seq + 7),
      frame({ url: 'https://shop.example/wool', title: 'Wool shirt' }, next.seq, next.id),
    ]);
    await server.dropStreams();
    expect(await within(nextBubble).findByRole('link', { name: /Link preview:\s*Wool shirt/ })).toBeInTheDocument();
    expect(within(bubble).queryByText('Evil')).toBeNull();
    expect(screen.queryByText('Wrong seq')).toBeNull();
    // The script link replaced the stored preview: what the page cannot show safely, it does not show at all.
    expect(within(bubble).queryByRole('link', { name: /Link preview/ })).toBeNull();
  });

  it('shows a preview that was stored before the page loaded', async () => {
    const { sessionId, message } = await conversationWithAgentLink();
    await storedWithPreview(sessionId, message.id);
    await openPage('/direct/demo_app');
    expect(await screen.findByRole('link', { name: /^Link preview:\s*Demo Shop\s*<img src=x/ })).toBeInTheDocument();
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
