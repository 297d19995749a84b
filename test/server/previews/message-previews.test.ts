import { resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LinkPreview, Message, MessagePage, PreviewEvent } from '../../../src/api/wire';
import { agent, call, clientId, newSession, newVisitor, sendText } from '../support/api-client';
import { openEventStream, type OpenStream } from '../support/event-stream';
import { AGENT_TOKEN, startTestServer, type TestServer } from '../support/test-server';
import { ARTICLE_TITLE, startPreviewTestSite, type PreviewTestSite } from './support/preview-test-site';

// The reference server end to end: a message with a link gets its preview over the stream, from the cache the
// second time, with the image served from the server's own origin.
const APPS = resolve(__dirname, 'fixtures/apps.json');
let site: PreviewTestSite;
let server: TestServer;
const streams: OpenStream[] = [];

beforeAll(async () => {
  site = await startPreviewTestSite();
  server = await startTestServer({ appsFile: APPS, unfurlAllow: `127.0.0.1:${site.port}` });
});
afterEach(() => streams.splice(0).forEach((stream) => stream.close()));
afterAll(async () => {
  await server.destroy();
  await site.close();
});

async function conversation(appId = 'demo_app') {
  const { visitorToken } = await newVisitor(server.url, { appId });
  const sessionId = await newSession(server.url, visitorToken, appId);
  const stream = await openEventStream(`${server.url}/api/apps/${appId}/sessions/${sessionId}/events`, { authorization: `Bearer ${visitorToken}` });
  streams.push(stream);
  return { visitorToken, sessionId, stream };
}

const agentSays = async (sessionId: string, text: string, appId = 'demo_app') =>
  (await agent<{ message: Message }>(server.url, `/apps/${appId}/sessions/${sessionId}/messages`, { body: { clientId: clientId(), kind: 'text', text } })).body.message;

async function previewEvent(stream: OpenStream, messageId: string): Promise<PreviewEvent> {
  const frame = await stream.next((candidate) => candidate.event === 'preview' && JSON.parse(candidate.data ?? '{}').messageId === messageId);
  return JSON.parse(frame.data ?? '') as PreviewEvent;
}

async function transcript(visitorToken: string, sessionId: string, appId = 'demo_app'): Promise<Message[]> {
  return (await call<MessagePage>(server.url, `/api/apps/${appId}/sessions/${sessionId}/messages`, { token: visitorToken })).body.messages;
}

describe('link previews on the reference server', () => {
  it('sends the preview of an agent link as an update of its message, with the image from this origin', async () => {
    const { visitorToken, sessionId, stream } = await conversation();
    const agentStream = await openEventStream(`${server.url}/api/agent/apps/demo_app/events`, { authorization: `Bearer ${AGENT_TOKEN}` });
    streams.push(agentStream);
    const message = await agentSays(sessionId, `Our new shirts: ${site.origin}/article — enjoy`);
    const update = await previewEvent(stream, message.id);
    expect(update).toMatchObject({ messageId: message.id, seq: message.seq, preview: { url: `${site.origin}/article`, title: ARTICLE_TITLE, siteName: 'Demo Shop' } });
    expect(JSON.stringify(update)).not.toContain('/images/photo.png');
    expect(JSON.parse((await agentStream.next((frame) => frame.event === 'preview')).data ?? '')).toMatchObject({ sessionId, messageId: message.id });

    const image = await call(server.url, `/api/previews/${update.preview?.image?.id}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await (await fetch(`${server.url}/api/previews/${update.preview?.image?.id}`)).arrayBuffer());
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: update.preview?.image?.width });

    const stored = (await transcript(visitorToken, sessionId)).find((held) => held.id === message.id);
    expect(stored?.preview).toEqual(update.preview);
  });

  it('answers the same page from the cache', async () => {
    const { stream, sessionId } = await conversation();
    await previewEvent(stream, (await agentSays(sessionId, `${site.origin}/plain`)).id);
    const fetchesBefore = site.requests.filter((request) => request.path === '/plain').length;
    const again = await agentSays(sessionId, `again ${site.origin}/plain#details`);
    expect((await previewEvent(stream, again.id)).preview?.title).toBe('Plain & simple');
    expect(site.requests.filter((request) => request.path === '/plain').length).toBe(fetchesBefore);
  });

  it('previews a visitor link only for an allow-listed host, and nothing for refused or disabled ones', async () => {
    const { visitorToken, sessionId, stream } = await conversation();
    const allowed = (await sendText(server.url, visitorToken, sessionId, `is this it? ${site.origin}/twitter`)).body.message as Message;
    expect((await previewEvent(stream, allowed.id)).preview?.title).toBe('Tweeted');
    const notListed = (await sendText(server.url, visitorToken, sessionId, `http://localhost:${site.port}/article`)).body.message as Message;
    const denied = await agentSays(sessionId, 'https://denied.example/x');
    const refused = await agentSays(sessionId, `${site.origin}/to?u=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`);
    const noTitle = await agentSays(sessionId, `${site.origin}/bare`);
    await server.context.previews.idle();
    const held = await transcript(visitorToken, sessionId);
    for (const message of [notListed, denied, refused, noTitle]) expect(held.find((m) => m.id === message.id)?.preview).toBeUndefined();
    expect(stream.frames.filter((frame) => frame.event === 'preview')).toHaveLength(1);

    const partner = await conversation('partner_app');
    const off = await agentSays(partner.sessionId, `${site.origin}/article`, 'partner_app');
    await server.context.previews.idle();
    expect((await transcript(partner.visitorToken, partner.sessionId, 'partner_app')).find((m) => m.id === off.id)?.preview).toBeUndefined();
  });

  it('lets an agent remove a preview, and shows a link being composed', async () => {
    const { visitorToken, sessionId, stream } = await conversation();
    const message = await agentSays(sessionId, `${site.origin}/article`);
    await previewEvent(stream, message.id);
    const path = `/apps/demo_app/sessions/${sessionId}/messages/${message.id}/preview`;
    const removed = await agent<{ message: Message }>(server.url, path, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.message.preview).toBeUndefined();
    const removal = await stream.next((frame) => frame.event === 'preview' && !JSON.parse(frame.data ?? '{}').preview);
    expect(JSON.parse(removal.data ?? '')).toEqual({ messageId: message.id, seq: message.seq });
    expect((await transcript(visitorToken, sessionId)).find((m) => m.id === message.id)?.preview).toBeUndefined();
    expect((await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages/m_nope/preview`, { method: 'DELETE' })).status).toBe(404);
    expect((await call(server.url, `/api/agent${path}`, { method: 'DELETE' })).status).toBe(401);

    const composing = await agent<{ preview?: LinkPreview }>(server.url, '/apps/demo_app/previews', { body: { url: `${site.origin}/article` } });
    expect(composing.body.preview?.title).toBe(ARTICLE_TITLE);
    expect((await agent(server.url, '/apps/demo_app/previews', { body: { url: 'https://other.example/' } })).body).toEqual({});
    expect((await agent(server.url, '/apps/demo_app/previews', { body: { link: 'x' } })).status).toBe(400);
    expect((await call(server.url, '/api/agent/apps/demo_app/previews', { body: { url: `${site.origin}/article` } })).status).toBe(401);
  });

  it('serves only images it made', async () => {
    for (const id of ['nope', 'A'.repeat(43), '..%2F..%2Fetc%2Fpasswd']) {
      const answer = await call(server.url, `/api/previews/${id}`);
      expect(answer.status, id).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
  });
});

describe('without DIRECT_CHAT_UNFURL_ALLOW', () => {
  it('refuses the local test site like any private address', async () => {
    const plain = await startTestServer({ appsFile: APPS });
    try {
      const { visitorToken } = await newVisitor(plain.url);
      const sessionId = await newSession(plain.url, visitorToken);
      const message = (await agent<{ message: Message }>(plain.url, `/apps/demo_app/sessions/${sessionId}/messages`, { body: { clientId: 'c1', kind: 'text', text: `${site.origin}/article` } })).body.message;
      await plain.context.previews.idle();
      const page = await call<MessagePage>(plain.url, `/api/apps/demo_app/sessions/${sessionId}/messages`, { token: visitorToken });
      expect(page.body.messages.find((m) => m.id === message.id)?.preview).toBeUndefined();
    } finally {
      await plain.destroy();
    }
  });
});
