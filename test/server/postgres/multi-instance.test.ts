import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTENER_NAME_PREFIX } from '../../../server/bus/bus';
import type { CreateVisitorResponse, Message } from '../../../src/api/wire';
import { agent, call, clientId, newSession, newVisitor, sendText, signedIdentity } from '../support/api-client';
import { dataOf, isEvent, openEventStream, type OpenStream } from '../support/event-stream';
import { startTestServer, type TestServer } from '../support/test-server';

// Two instances of the server (each with its own port, pool, LISTEN connection and subscribers) on one PostgreSQL
// database form one deployment: any instance serves any client.
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ databaseUrl: a.settings.databaseUrl, dataDir: a.settings.dataDir });
});
afterAll(async () => {
  await b?.destroy();
  await a?.destroy();
});

async function conversation(server: TestServer): Promise<{ token: string; sessionId: string; stream: OpenStream }> {
  const { visitorToken: token } = await newVisitor(server.url);
  const sessionId = await newSession(server.url, token);
  const stream = await openEventStream(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
    authorization: `Bearer ${token}`,
  });
  await stream.next(isEvent('ready'));
  return { token, sessionId, stream };
}

const messageSeqs = (stream: OpenStream) => stream.frames.filter(isEvent('message')).map((frame) => Number(frame.id));

describe('two instances on one PostgreSQL', () => {
  it('delivers an agent reply sent through B to a visitor streaming from A within a second', async () => {
    const { sessionId, stream } = await conversation(a);
    const sent = Date.now();
    const reply = await agent(b.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
      body: { clientId: clientId(), kind: 'text', text: 'from instance B', authorName: 'Sam' },
    });
    expect(reply.status).toBe(201);
    const frame = await stream.next(isEvent('message'), 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(dataOf<Message>(frame)).toEqual(reply.body.message);
    stream.close();
  });

  it('carries typing and the session closing across instances', async () => {
    const { sessionId, stream } = await conversation(a);
    await agent(b.url, `/apps/demo_app/sessions/${sessionId}/typing`, { body: { typing: true, authorName: 'Sam' } });
    expect(dataOf(await stream.next(isEvent('typing'), 1000))).toEqual({ role: 'agent', name: 'Sam', typing: true });
    await agent(b.url, `/apps/demo_app/sessions/${sessionId}/close`, { body: {} });
    expect(dataOf(await stream.next(isEvent('session'), 1000))).toMatchObject({ id: sessionId, status: 'closed' });
    stream.close();
  });

  it('tells agents on A about a conversation started and written on B', async () => {
    const agentStream = await openEventStream(`${a.url}/api/agent/apps/demo_app/events`, {
      authorization: `Bearer ${a.settings.agentToken}`,
    });
    const { visitorToken } = await newVisitor(b.url);
    const sessionId = await newSession(b.url, visitorToken);
    await sendText(b.url, visitorToken, sessionId, 'hello from B');
    const summary = await agentStream.next((frame) => frame.event === 'session' && frame.data!.includes('hello from B'), 1000);
    expect(dataOf(summary)).toMatchObject({ id: sessionId, lastSeq: 1, lastMessage: { text: 'hello from B' } });
    agentStream.close();
  });

  it('answers `replayed` on B for a nonce used on A', async () => {
    const identity = signedIdentity('multi-1');
    const first = await call<CreateVisitorResponse>(a.url, '/api/apps/demo_app/visitors', { body: { locale: 'en', identity } });
    expect(first.body.visitor.verified).toBe(true);
    const second = await call<CreateVisitorResponse>(b.url, '/api/apps/demo_app/visitors', { body: { locale: 'en', identity } });
    expect(second.body.identityError).toBe('replayed');
    expect(second.body.visitor.verified).toBe(false);
  });

  it('gives 50 racing sends through both instances the seqs 1..50, streamed once each in order', async () => {
    const { token, sessionId, stream } = await conversation(a);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => sendText(i % 2 === 0 ? a.url : b.url, token, sessionId, `race ${i}`)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
    const seqs = answers.map((answer) => answer.body.message.seq as number).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await stream.next((frame) => frame.id === '50');
    expect(messageSeqs(stream)).toEqual(seqs);
    stream.close();
  });

  it('loses and doubles nothing when the LISTEN connections are terminated mid-conversation', async () => {
    const { token, sessionId, stream } = await conversation(a);
    const admin = new pg.Client({ connectionString: a.settings.databaseUrl });
    await admin.connect();
    const listeners = async () =>
      (
        await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name LIKE $1 || '%' AND datname = current_database()`, [
          LISTENER_NAME_PREFIX,
        ])
      ).rows.map((row) => row.pid);
    const say = (via: TestServer, i: number) =>
      i % 3 === 0
        ? agent(via.url, `/apps/demo_app/sessions/${sessionId}/messages`, { body: { clientId: clientId(), kind: 'text', text: `agent ${i}` } })
        : sendText(via.url, token, sessionId, `visitor ${i}`);
    try {
      for (let i = 1; i <= 10; i++) await say(i % 2 === 0 ? a : b, i);
      await stream.next((frame) => frame.id === '10');
      const before = await listeners();
      expect(before).toHaveLength(2);
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
      // Sent through B while A cannot hear, and nothing after it for a while: only the catch-up A does once it
      // listens again can bring it.
      await say(b, 11);
      await stream.next((frame) => frame.id === '11', 3000);
      for (let i = 12; i <= 20; i++) {
        await say(b, i);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await stream.next((frame) => frame.id === '20', 5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(messageSeqs(stream)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      // Both instances listen again, on new connections.
      const after = await listeners();
      expect(after).toHaveLength(2);
      expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    } finally {
      await admin.end();
      stream.close();
    }
  });

  it("reports a gone instance's invitation hand-off as unknown, and leaves a live instance's alone", async () => {
    const admin = new pg.Client({ connectionString: a.settings.databaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ name: string }>(
        `SELECT application_name AS name FROM pg_stat_activity WHERE application_name LIKE $1 || '%' AND datname = current_database()`,
        [LISTENER_NAME_PREFIX],
      );
      expect(rows).toHaveLength(2);
      const live = rows[0]!.name.slice(LISTENER_NAME_PREFIX.length);
      // Two hand-offs in flight for a minute: one by a running instance, one by an instance that crashed.
      const minuteAgo = new Date(Date.now() - 60_000).toISOString();
      const later = new Date(Date.now() + 3_600_000).toISOString();
      await admin.query(
        `INSERT INTO invitations (id, app_id, name, locale, opens_at, closes_at, target, locale_match_only, channel, messages, status, created_at, updated_at)
         VALUES ('i_claims', 'demo_app', 'claims', 'en', $1, $2, '{"kind":"all"}', 0, 'email', '{}', 'sending', $1, $1)`,
        [minuteAgo, later],
      );
      await admin.query(
        `INSERT INTO invitation_recipients (id, invitation_id, app_id, position, external_id, channel, address, locale, attributes, status, updated_at, claimed_by)
         VALUES ('r_live', 'i_claims', 'demo_app', 1, 'live', 'email', 'live@example.com', 'en', '{}', 'sending', $1, $2),
                ('r_gone', 'i_claims', 'demo_app', 2, 'gone', 'email', 'gone@example.com', 'en', '{}', 'sending', $1, 'crashed-instance')`,
        [minuteAgo, live],
      );
      const statuses = async () =>
        Object.fromEntries(
          (await admin.query<{ id: string; status: string }>(`SELECT id, status FROM invitation_recipients WHERE invitation_id = 'i_claims'`)).rows.map(
            (row) => [row.id, row.status],
          ),
        );
      // Each instance looks every 5 s; one statement judges both rows, so when the gone one is reported the live one was spared.
      const deadline = Date.now() + 12_000;
      while ((await statuses()).r_gone === 'sending' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await statuses()).toEqual({ r_live: 'sending', r_gone: 'unknown' });
      const timeline = await admin.query<{ event: string }>(`SELECT event FROM invitation_events WHERE recipient_id = 'r_gone'`);
      expect(timeline.rows.map((row) => row.event)).toEqual(['unknown']);
    } finally {
      await admin.query(`DELETE FROM invitation_events WHERE recipient_id IN ('r_live', 'r_gone')`);
      await admin.query(`DELETE FROM invitation_recipients WHERE invitation_id = 'i_claims'`);
      await admin.query(`DELETE FROM invitations WHERE id = 'i_claims'`);
      await admin.end();
    }
  }, 20_000);
});
