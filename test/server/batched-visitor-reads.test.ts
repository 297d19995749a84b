import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessBus } from '../../server/bus/in-process-bus';
import { createStoreCore } from '../../server/store/store-core';
import { createVisitorStore, type VisitorStore } from '../../server/store/visitor-store';
import { countingStatements, openTestDatabase, type TestDatabase } from './support/test-database';
import { TEST_ENGINE } from './support/test-server';

// Every visitor request about a session starts by reading its token's visitor with that session. On PostgreSQL the
// reads of one event-loop turn share one statement; each must still get exactly what it would have read alone.
describe(`a visitor with the session of its request, read per turn on ${TEST_ENGINE}`, () => {
  let database: TestDatabase;
  let visitors: VisitorStore;
  const statements: unknown[] = [];
  const TIME = '2026-01-01T00:00:00.000Z';

  beforeAll(async () => {
    database = await openTestDatabase();
    const { db } = database;
    visitors = createVisitorStore(createStoreCore(countingStatements(db, statements), createInProcessBus()), TEST_ENGINE);
    const visitor = (id: string, appId: string, tokenHash: string, customerId: string | null) => ({
      id, app_id: appId, token_hash: tokenHash, customer_id: customerId, display_name: null, locale: 'en', claims: '{}', vars: '{}', created_at: TIME, updated_at: TIME,
    });
    await db
      .insertInto('visitors')
      .values([visitor('guest', 'app', 'h-guest', null), visitor('laptop', 'app', 'h-laptop', 'c-1'), visitor('phone', 'app', 'h-phone', 'c-1'), visitor('elsewhere', 'other', 'h-elsewhere', null)])
      .execute();
    const session = (id: string, appId: string, visitorId: string) => ({
      id, app_id: appId, visitor_id: visitorId, status: 'open' as const, last_seq: 0, link_id: null, created_at: TIME, updated_at: TIME,
    });
    await db.insertInto('sessions').values([session('s-guest', 'app', 'guest'), session('s-laptop', 'app', 'laptop'), session('s-other', 'other', 'elsewhere')]).execute();
  });
  afterAll(() => database?.drop());

  const LOOKUPS: [appId: string, tokenHash: string, sessionId: string][] = [
    ['app', 'h-guest', 's-guest'], // its own session
    ['app', 'h-guest', 's-laptop'], // another visitor's session: the visitor, no session
    ['app', 'h-phone', 's-laptop'], // the same verified customer on another device
    ['app', 'h-laptop', 's-laptop'],
    ['app', 'h-unknown', 's-guest'], // no such token
    ['app', 'h-elsewhere', 's-other'], // a token of another app
    ['other', 'h-elsewhere', 's-guest'], // a session of another app
    ['app', 'h-guest', 's-missing'],
    ['app', 'h-guest', 's-guest'], // the same read twice in a turn
  ];
  const outcome = (found: Awaited<ReturnType<VisitorStore['findByTokenHashWithSession']>>) =>
    found ? `${found.visitor.id}/${found.visitor.customerId}/${found.session ? `${found.session.id}:${found.session.visitorId}` : '-'}` : 'none';

  it('answers each read of one turn as it would have answered it alone, in one statement on PostgreSQL', async () => {
    const alone: string[] = [];
    for (const [appId, tokenHash, sessionId] of LOOKUPS) alone.push(outcome(await visitors.findByTokenHashWithSession(appId, tokenHash, sessionId)));
    expect(alone).toEqual([
      'guest/null/s-guest:guest',
      'guest/null/-',
      'phone/c-1/s-laptop:laptop',
      'laptop/c-1/s-laptop:laptop',
      'none',
      'none',
      'elsewhere/null/-',
      'guest/null/-',
      'guest/null/s-guest:guest',
    ]);

    statements.length = 0;
    const together = await Promise.all(LOOKUPS.map(([appId, tokenHash, sessionId]) => visitors.findByTokenHashWithSession(appId, tokenHash, sessionId)));
    expect(together.map(outcome)).toEqual(alone);
    // PostgreSQL: one statement for the turn, and one for the read asked twice; SQLite reads one by one, in process.
    expect(statements.length).toBe(TEST_ENGINE === 'postgres' ? 2 : LOOKUPS.length);
  });

  it('reads alone in a turn with a single read, and a later turn starts a new batch', async () => {
    statements.length = 0;
    expect(outcome(await visitors.findByTokenHashWithSession('app', 'h-phone', 's-laptop'))).toBe('phone/c-1/s-laptop:laptop');
    const pair = await Promise.all([visitors.findByTokenHashWithSession('app', 'h-laptop', 's-laptop'), visitors.findByTokenHashWithSession('app', 'h-guest', 's-laptop')]);
    expect(pair.map(outcome)).toEqual(['laptop/c-1/s-laptop:laptop', 'guest/null/-']);
    expect(statements.length).toBe(TEST_ENGINE === 'postgres' ? 2 : 3);
  });
});
