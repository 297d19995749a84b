import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agent, newSession, newVisitor, sendText, signedIdentity } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.destroy());

const INVISIBLE_ONLY = {
  'zero-width space': '\u200b',
  'word joiner': '\u2060\u2060',
  'Hangul filler': '\u3164',
  'soft hyphen': '\u00ad',
  NUL: '\u0000',
  BEL: '\u0007',
  RLO: '\u202e',
  mixed: ' \u200b\u3164\u00ad\n\u2060\u202e\t',
};

describe('text that cannot deceive', () => {
  it('refuses a message made only of invisible or control characters as blank', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const sessionId = await newSession(server.url, visitorToken);
    for (const [name, text] of Object.entries(INVISIBLE_ONLY)) {
      const answer = await sendText(server.url, visitorToken, sessionId, text);
      expect([name, answer.status, answer.body.error.code]).toEqual([name, 400, 'invalid_request']);
    }
    expect((await sendText(server.url, visitorToken, sessionId, '\u200bok')).status).toBe(201);
    const reply = await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
      body: { clientId: 'agent-blank-1', kind: 'text', text: '\u3164\u200b' },
    });
    expect(reply.status).toBe(400);
  });

  it('strips control and bidi-override characters from claims and input variables', async () => {
    const visitor = await newVisitor(server.url, {
      identity: signedIdentity('77', { name: 'Ada\u202e nimda', email: 'ada@example.com\u0007' }),
      vars: { campaign: 'spring\u2066sale\u0000' },
    });
    const sessionId = await newSession(server.url, visitor.visitorToken);
    const detail = await agent(server.url, `/apps/demo_app/sessions/${sessionId}`);
    expect(detail.body.visitor.claims).toEqual({ name: 'Ada nimda', email: 'ada@example.com' });
    expect(detail.body.visitor.vars).toEqual({ campaign: 'springsale' });
    expect(visitor.visitor.displayName).toBe('Ada nimda');
  });
});
