import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, passthrough } from 'msw';
import { newSession, sendAll } from '../server/support/api-client';
import { openPage } from './support/open-page';
import { useRealServer } from './support/real-server';

const server = useRealServer();
// Each test boots the page more than once and waits for the real server: more than vitest's default 5 s on a busy machine.
vi.setConfig({ testTimeout: 40_000 });
const { faults } = server;

async function visitorToken(): Promise<string> {
  await openPage('/direct/demo_app');
  // The first page of a file also compiles the engine's chunk: give the visitor call time.
  await waitFor(() => expect(localStorage.getItem('dc:demo_app:token')).toBeTruthy(), { timeout: 5000 });
  return localStorage.getItem('dc:demo_app:token')!;
}

const transcript = (sessionId: string) => server.transcript(sessionId);

describe('the page against the real server', () => {
  it('shows the newest 50 of 70 messages, and the first 20 on "Show earlier messages"', async () => {
    const token = await visitorToken();
    const sessionId = await newSession(server.url, token);
    await sendAll(server.url, token, sessionId, Array.from({ length: 70 }, (_, i) => `m${i + 1}`));
    await openPage(`/direct/demo_app?direct=1&chatid=${sessionId}`);
    expect(await screen.findByText('m70', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('m21')).toBeInTheDocument();
    expect(screen.queryByText('m20')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show earlier messages' }));
    expect(await screen.findByText('m1')).toBeInTheDocument();
    expect(screen.getByText('m20')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).not.toBeInTheDocument();
  });

  it("sends through the server and shows the agent's answer from the live stream", async () => {
    await visitorToken();
    await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), 'hello, real server{Enter}');
    await waitFor(() => expect(localStorage.getItem('dc:demo_app:session')).toBeTruthy());
    const sessionId = localStorage.getItem('dc:demo_app:session')!;
    await waitFor(async () => expect((await transcript(sessionId)).map((m) => m.text)).toEqual(['hello, real server']));
    const reply = await server.agent('POST', `/sessions/${sessionId}/messages`, { clientId: 'agent-reply-1', kind: 'text', text: 'Hi, Sam here.' });
    expect(reply.status).toBe(201);
    expect(await screen.findByText('Hi, Sam here.')).toBeInTheDocument();
  });

  it('keeps a message through an injected 503 and the server stores it once', async () => {
    let refused = 0;
    faults.use(
      http.post(`${server.url}/api/apps/demo_app/sessions/:id/messages`, () => {
        if (refused++ > 0) return passthrough();
        return HttpResponse.json({ error: { code: 'internal', message: 'injected' } }, { status: 503 });
      }),
    );
    await visitorToken();
    await userEvent.setup().type(await screen.findByRole('textbox', { name: 'Your message' }), 'through a fault{Enter}');
    await waitFor(() => expect(localStorage.getItem('dc:demo_app:session')).toBeTruthy());
    const sessionId = localStorage.getItem('dc:demo_app:session')!;
    await waitFor(async () => expect((await transcript(sessionId)).map((m) => m.text)).toEqual(['through a fault']), { timeout: 4000 });
    expect(refused).toBe(2);
    await waitFor(() => expect(screen.queryByText('Sending…')).not.toBeInTheDocument());
  });
});
