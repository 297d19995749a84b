import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '../../server/bus/bus';
import type { BusEvent } from '../../server/bus/bus-event';
import { createInProcessBus } from '../../server/bus/in-process-bus';
import { createPostgresBus } from '../../server/bus/postgres-bus';
import { createMessageStore, type MessageStore, type NewMessage } from '../../server/store/message-store';
import { createStoreCore } from '../../server/store/store-core';
import type { Tables } from '../../server/store/tables';
import { countingStatements, openTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_ENGINE } from './support/test-server';

// Sends to different sessions arriving in one event-loop turn share one statement on PostgreSQL. Each must come out
// as it would alone: the next seq of its own session, refused when the session is closed or in another app, counted
// against its chat link, idempotent on its clientId; announced here and to the other instances.
describe(`messages of one turn appended together on ${TEST_ENGINE}`, () => {
  let database: TestDatabase;
  let db: Kysely<Tables>;
  let messages: MessageStore;
  let buses: Bus[] = [];
  const statements: unknown[] = [];
  let transactions = 0;
  const here: BusEvent[] = [];
  const elsewhere: BusEvent[] = [];
  const TIME = '2026-01-01T00:00:00.000Z';
  const OPEN = ['s1', 's2', 's3', 's4', 's5'];

  beforeAll(async () => {
    database = await openTestDatabase();
    ({ db } = database);
    const { databaseUrl } = database;
    const bus = databaseUrl ? createPostgresBus(databaseUrl) : createInProcessBus();
    buses = [bus];
    bus.subscribe({ appId: 'app' }, (event) => void here.push(event));
    if (databaseUrl) {
      // Another instance of the deployment, listening.
      const other = createPostgresBus(databaseUrl);
      await other.start();
      other.subscribe({ appId: 'app' }, (event) => void elsewhere.push(event));
      buses.push(other);
    }
    const core = createStoreCore(countingStatements(db, statements), bus);
    messages = createMessageStore({ ...core, write: (work) => (transactions++, core.write(work)) }, TEST_ENGINE);

    await db.insertInto('visitors').values({ id: 'v', app_id: 'app', token_hash: 'h', customer_id: null, display_name: null, locale: 'en', claims: '{}', vars: '{}', created_at: TIME, updated_at: TIME }).execute();
    await db
      .insertInto('chat_links')
      .values({ id: 'l', app_id: 'app', name: 'Once', description: null, locale: 'en', active_from: null, expires_at: null, slug: 'once', per_participant_limit: 1, disabled: 0, created_at: TIME, updated_at: TIME })
      .execute();
    const session = (id: string, status: 'open' | 'closed', appId = 'app', linkId: string | null = null) =>
      ({ id, app_id: appId, visitor_id: 'v', status, last_seq: 0, link_id: linkId, created_at: TIME, updated_at: TIME });
    await db
      .insertInto('sessions')
      .values([...OPEN.map((id) => session(id, 'open')), session('closed', 'closed'), session('other-app', 'open', 'other'), session('linked', 'open', 'app', 'l'), session('linked-2', 'open', 'app', 'l')])
      .execute();
  });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await database?.drop();
  });

  let n = 0;
  const draft = (clientId: string, text = clientId): NewMessage => ({
    id: `m-${++n}`,
    clientId,
    author: { role: 'visitor' },
    createdAt: TIME,
    kind: 'text',
    text,
  });
  const outcome = (appended: Awaited<ReturnType<MessageStore['append']>>) =>
    appended.kind === 'created' || appended.kind === 'exists' ? `${appended.kind} ${appended.message.text}#${appended.message.seq}` : appended.kind;
  const append = (appId: string, sessionId: string, message: NewMessage) => messages.append(appId, sessionId, message).then(outcome);

  it('gives each session its next seq, in one statement on PostgreSQL, one transaction on SQLite, and announces every message', async () => {
    statements.length = 0;
    transactions = 0;
    here.length = 0;
    const first = await Promise.all(OPEN.map((sessionId) => append('app', sessionId, draft(`${sessionId}-a`))));
    expect(first).toEqual(OPEN.map((sessionId) => `created ${sessionId}-a#1`));
    const second = await Promise.all(OPEN.map((sessionId) => append('app', sessionId, draft(`${sessionId}-b`))));
    expect(second).toEqual(OPEN.map((sessionId) => `created ${sessionId}-b#2`));
    // PostgreSQL: one statement a turn. SQLite: one transaction (one commit) a turn.
    if (TEST_ENGINE === 'postgres') expect([statements.length, transactions]).toEqual([2, 0]);
    else expect(transactions).toBe(2);
    expect(here.map((event) => event.kind === 'message' && `${event.sessionId}#${event.seq}:${event.message?.text}`).sort()).toEqual(
      OPEN.flatMap((sessionId) => [`${sessionId}#1:${sessionId}-a`, `${sessionId}#2:${sessionId}-b`]).sort(),
    );
    if (TEST_ENGINE === 'postgres') {
      await expect.poll(() => elsewhere.length).toBe(2 * OPEN.length);
      // Another instance hears hints, never the message itself.
      expect(elsewhere.map((event) => event.kind === 'message' && `${event.sessionId}#${event.seq}:${event.message === undefined}`).sort()).toEqual(
        OPEN.flatMap((sessionId) => [`${sessionId}#1:true`, `${sessionId}#2:true`]).sort(),
      );
    }
  });

  it('refuses what it would refuse alone, in the same turn as messages it appends', async () => {
    const outcomes = await Promise.all([
      append('app', 's1', draft('s1-c')),
      append('app', 'closed', draft('closed-a')),
      append('other', 's2', draft('wrong-app')),
      append('app', 'other-app', draft('wrong-app-2')),
      append('app', 's2', draft('s2-c')),
    ]);
    expect(outcomes).toEqual(['created s1-c#3', 'closed', 'closed', 'closed', 'created s2-c#3']);
  });

  it('counts a visitor message against its chat link, in the same turn as others', async () => {
    const [linked, other, linked2] = await Promise.all([append('app', 'linked', draft('linked-a')), append('app', 's3', draft('s3-c')), append('app', 'linked-2', draft('linked-2-a'))]);
    expect(other).toBe('created s3-c#3');
    // The link allows its participant one conversation: whichever linked session came first counted it, the other is
    // refused (the two race on the database).
    expect([linked, linked2].sort()).toEqual([linked === 'link_limit_reached' ? 'created linked-2-a#1' : 'created linked-a#1', 'link_limit_reached']);
    const uses = await db.selectFrom('chat_link_uses').select('session_id').execute();
    expect(uses.map((use) => use.session_id)).toEqual([linked === 'link_limit_reached' ? 'linked-2' : 'linked']);
  });

  it('appends a session’s messages of one turn in the order asked', async () => {
    const outcomes = await Promise.all(['x', 'y', 'z'].map((text) => append('app', 's3', draft(`s3-${text}`))));
    expect(outcomes).toEqual(['created s3-x#4', 'created s3-y#5', 'created s3-z#6']);
  });

  it('answers a resent clientId with the earlier message, and still appends the others of its turn', async () => {
    const outcomes = await Promise.all([
      append('app', 's4', draft('s4-a')), // resent: the same text as before
      append('app', 's5', draft('s5-c')),
      append('app', 's1', draft('s1-a', 'another text')), // the same clientId for something else
      append('app', 's2', draft('s2-d')),
    ]);
    expect(outcomes).toEqual(['exists s4-a#1', 'created s5-c#3', 'exists s1-a#1', 'created s2-d#4']);
    // The same clientId twice in one turn: the first is appended, the second answered with it.
    expect(await Promise.all([append('app', 's5', draft('s5-twice', 'first')), append('app', 's5', draft('s5-twice', 'second')), append('app', 's2', draft('s2-e'))])).toEqual([
      'created first#4',
      'exists first#4',
      'created s2-e#5',
    ]);
    // Nothing was reserved for what was not appended: the next seqs follow on.
    expect(await Promise.all([append('app', 's4', draft('s4-c')), append('app', 's1', draft('s1-d'))])).toEqual(['created s4-c#3', 'created s1-d#4']);
  });
});
