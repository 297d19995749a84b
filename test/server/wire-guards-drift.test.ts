import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppConfig, isMessage, isSession, isVisitorResponse } from '../../src/api/wire-guards';
import { appConfigSchema, messageSchema, sessionSchema, visitorResponseSchema } from '../../server/schemas/wire-schemas';
import { APP_CONFIG_SHAPES, MESSAGE_SHAPES, SESSION_SHAPES, VISITOR_RESPONSE_SHAPES, type ShapeFixture } from '../fixtures/wire-shapes';
import { agent, call, clientId, newSession, newVisitor, sendText } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

// The page keeps small hand-written guards; the console checks with valibot. Both must agree on every shape.
const PAIRS: [string, (value: unknown) => boolean, v.GenericSchema, ShapeFixture[]][] = [
  ['session', isSession, sessionSchema, SESSION_SHAPES],
  ['message', isMessage, messageSchema, MESSAGE_SHAPES],
  ['app config', isAppConfig, appConfigSchema, APP_CONFIG_SHAPES],
  ['visitor response', isVisitorResponse, visitorResponseSchema, VISITOR_RESPONSE_SHAPES],
];

describe.each(PAIRS)('%s: the page’s guard and the valibot schema', (_name, guard, schema, fixtures) => {
  it.each(fixtures)('agree on $label (valid: $valid)', ({ value, valid }) => {
    const json = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    expect({ guard: guard(json), schema: v.is(schema, json) }).toEqual({ guard: valid, schema: valid });
  });
});

describe('what the reference server really sends', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.destroy());

  it('passes both checks', async () => {
    const visitorAnswer = (await call(server.url, '/api/apps/demo_app/visitors', { body: { locale: 'en' } })).body;
    const token = visitorAnswer.visitorToken;
    const sessionId = await newSession(server.url, token);
    const textMessage = (await sendText(server.url, token, sessionId, 'hello')).body.message;
    const linkMessage = (
      await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
        body: { clientId: clientId(), kind: 'link', link: { url: 'https://shop.example/p', title: 'Shoe', imageUrl: 'https://shop.example/i.png' } },
      })
    ).body.message;
    const session = (await call(server.url, `/api/apps/demo_app/sessions/${sessionId}`, { token })).body.session;
    const config = (await call(server.url, '/api/apps/demo_app/config?locale=de')).body;
    const real: [(value: unknown) => boolean, v.GenericSchema, unknown][] = [
      [isVisitorResponse, visitorResponseSchema, visitorAnswer],
      [isVisitorResponse, visitorResponseSchema, await newVisitor(server.url, { token })],
      [isSession, sessionSchema, session],
      [isMessage, messageSchema, textMessage],
      [isMessage, messageSchema, linkMessage],
      [isAppConfig, appConfigSchema, config],
    ];
    for (const [guard, schema, value] of real) expect([guard(value), v.is(schema, value)], JSON.stringify(value)).toEqual([true, true]);
  });
});
