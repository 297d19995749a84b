import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ID_PATTERN } from '../../src/api/limits';
import { isBlankText } from '../../src/link/text-bounds';
import { call, clientId, newSession, newVisitor, signedIdentity } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';
import { naughtyStrings } from '../support/naughty-strings';

// The Big List of Naughty Strings: hostile and unusual input of every kind.
const BLNS = naughtyStrings;

let server: TestServer;
let token: string;
let sessionId: string;
const unexpected = vi.spyOn(console, 'error');
beforeAll(async () => {
  server = await startTestServer();
  token = (await newVisitor(server.url)).visitorToken;
  sessionId = await newSession(server.url, token);
  unexpected.mockClear();
});
afterAll(async () => {
  // No bad input may reach the top-level catch: it would have logged and answered 500.
  expect(unexpected).not.toHaveBeenCalled();
  unexpected.mockRestore();
  await server.destroy();
});

const messages = () => `/api/apps/demo_app/sessions/${sessionId}/messages`;

interface Case {
  label: string;
  path: string | (() => string);
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  auth?: boolean;
  status: number;
  code: string;
}

const CASES: Case[] = [
  { label: 'body that is not JSON', path: '/api/apps/demo_app/visitors', body: '{"locale":', status: 400, code: 'invalid_request' },
  { label: 'JSON array body', path: '/api/apps/demo_app/visitors', body: '["en"]', status: 400, code: 'invalid_request' },
  { label: 'JSON string body', path: '/api/apps/demo_app/visitors', body: '"en"', status: 400, code: 'invalid_request' },
  { label: 'JSON null body', path: '/api/apps/demo_app/visitors', body: 'null', status: 400, code: 'invalid_request' },
  { label: 'missing locale', path: '/api/apps/demo_app/visitors', body: '{}', status: 400, code: 'invalid_request' },
  { label: 'unknown locale', path: '/api/apps/demo_app/visitors', body: '{"locale":"xx"}', status: 400, code: 'invalid_request' },
  { label: 'locale of the wrong type', path: '/api/apps/demo_app/visitors', body: '{"locale":7}', status: 400, code: 'invalid_request' },
  { label: 'unknown field', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","admin":true}', status: 400, code: 'invalid_request' },
  { label: '__proto__ field', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","__proto__":{"x":1}}', status: 400, code: 'invalid_request' },
  { label: 'identity as a string', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","identity":"42"}', status: 400, code: 'invalid_request' },
  { label: 'identity with an unknown field', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","identity":{"sbs":"1","role":"admin"}}', status: 400, code: 'invalid_request' },
  { label: 'claim email as a number', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","identity":{"email":42}}', status: 400, code: 'invalid_request' },
  { label: 'claim name too long', path: '/api/apps/demo_app/visitors', body: JSON.stringify({ locale: 'en', identity: { name: 'n'.repeat(101) } }), status: 400, code: 'invalid_request' },
  { label: 'vars as an array', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","vars":["a"]}', status: 400, code: 'invalid_request' },
  { label: 'vars value as a number', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","vars":{"a":1}}', status: 400, code: 'invalid_request' },
  { label: 'vars key with spaces', path: '/api/apps/demo_app/visitors', body: '{"locale":"en","vars":{"a b":"1"}}', status: 400, code: 'invalid_request' },
  { label: 'too many vars', path: '/api/apps/demo_app/visitors', body: JSON.stringify({ locale: 'en', vars: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }), status: 400, code: 'invalid_request' },
  { label: 'vars value too long', path: '/api/apps/demo_app/visitors', body: JSON.stringify({ locale: 'en', vars: { a: 'v'.repeat(257) } }), status: 400, code: 'invalid_request' },
  { label: 'deeply nested JSON', path: '/api/apps/demo_app/visitors', body: '['.repeat(5000) + ']'.repeat(5000), status: 400, code: 'invalid_request' },
  { label: 'invalid UTF-8', path: '/api/apps/demo_app/visitors', body: '\u0000', headers: { 'x-raw-bytes': 'ff fe 7b' }, status: 400, code: 'invalid_request' },
  { label: 'text/plain body', path: '/api/apps/demo_app/visitors', body: '{"locale":"en"}', headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_media_type' },
  { label: 'form body', path: '/api/apps/demo_app/visitors', body: 'locale=en', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
  { label: 'unknown app', path: '/api/apps/nope/config', status: 404, code: 'app_not_found' },
  { label: 'app id with a NUL', path: '/api/apps/demo%00app/config', status: 404, code: 'app_not_found' },
  { label: 'app id with ../ traversal', path: '/api/apps/..%2F..%2Fetc/config', status: 404, code: 'app_not_found' },
  { label: 'app id far too long', path: `/api/apps/${'a'.repeat(5000)}/config`, status: 404, code: 'app_not_found' },
  { label: 'app with the full page off', path: '/api/apps/partner_app/config', status: 404, code: 'fullpage_disabled' },
  { label: 'broken percent-encoding', path: '/api/apps/%E0%A4%A/config', status: 400, code: 'invalid_request' },
  { label: 'unknown API path', path: '/api/apps/demo_app/admin', status: 404, code: 'not_found' },
  { label: 'API root', path: '/api', status: 404, code: 'not_found' },
  { label: 'DELETE on a session', path: () => `/api/apps/demo_app/sessions/${sessionId}`, method: 'DELETE', auth: true, status: 405, code: 'method_not_allowed' },
  { label: 'PUT on visitors', path: '/api/apps/demo_app/visitors', method: 'PUT', body: '{}', status: 405, code: 'method_not_allowed' },
  { label: 'session body with a field', path: '/api/apps/demo_app/sessions', body: '{"status":"closed"}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'session id with SQL', path: `/api/apps/demo_app/sessions/${encodeURIComponent("' OR 1=1 --")}`, auth: true, status: 404, code: 'session_not_found' },
  { label: 'message without clientId', path: messages, body: '{"text":"hi"}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'clientId too short', path: messages, body: '{"clientId":"short","text":"hi"}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'clientId with SQL', path: messages, body: JSON.stringify({ clientId: "x'); DROP TABLE messages;--", text: 'hi' }), auth: true, status: 400, code: 'invalid_request' },
  { label: 'empty text', path: messages, body: '{"clientId":"client-0001","text":""}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'blank text', path: messages, body: '{"clientId":"client-0001","text":" \\n\\t "}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'text as an object', path: messages, body: '{"clientId":"client-0001","text":{"$ne":null}}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'text too long', path: messages, body: JSON.stringify({ clientId: 'client-0001', text: 'x'.repeat(4001) }), auth: true, status: 400, code: 'invalid_request' },
  { label: 'message with an author field', path: messages, body: '{"clientId":"client-0001","text":"hi","author":{"role":"agent"}}', auth: true, status: 400, code: 'invalid_request' },
  { label: 'message without a token', path: messages, body: '{"clientId":"client-0001","text":"hi"}', status: 401, code: 'unauthorized' },
  { label: 'message with a forged token', path: messages, body: '{"clientId":"client-0001","text":"hi"}', headers: { authorization: `Bearer ${'A'.repeat(43)}` }, status: 401, code: 'unauthorized' },
  { label: 'agent call with a visitor token', path: '/api/agent/apps', auth: true, status: 401, code: 'unauthorized' },
  { label: 'PATCH on agent sessions', path: '/api/agent/apps/demo_app/sessions', method: 'PATCH', status: 405, code: 'method_not_allowed' },
];

describe('bad input gets a 4xx with an error code', () => {
  it.each(CASES)('$label → $status $code', async (testCase) => {
    const path = typeof testCase.path === 'function' ? testCase.path() : testCase.path;
    const headers: Record<string, string> = { ...testCase.headers };
    if (testCase.auth) headers.authorization = `Bearer ${token}`;
    const rawBytes = headers['x-raw-bytes'];
    const body = rawBytes ? Buffer.from(rawBytes.replace(/ /g, ''), 'hex') : testCase.body;
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(server.url + path, { method: testCase.method ?? (body ? 'POST' : 'GET'), headers, body });
    const answer = await response.json();
    expect(response.status).toBe(testCase.status);
    expect(answer).toEqual({ error: { code: testCase.code, message: expect.any(String) } });
    if (testCase.status === 405) expect(response.headers.get('allow')).toBeTruthy();
  });

  it('refuses a request target that is not a path (absolute form, //host)', async () => {
    for (const target of ['//evil.example/api/apps/demo_app/config', 'http://evil.example/api/apps/demo_app/config']) {
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port: server.port, path: target }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end();
      });
      expect([400, 404]).toContain(status);
    }
  });
});

describe('the Big List of Naughty Strings', { timeout: 60_000 }, () => {
  // Runs every string through every input the API takes; each answer must be a success or a 4xx, never a 500.
  async function each(run: (text: string) => Promise<void>) {
    const queue = [...BLNS];
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let text = queue.shift(); text !== undefined; text = queue.shift()) await run(text);
    }));
  }

  it('stores every non-blank string as message text exactly', async () => {
    await each(async (text) => {
      const sent = await call(server.url, messages(), { token, body: { clientId: clientId(), text } });
      if (isBlankText(text)) return expect(sent.status).toBe(400);
      expect(sent.status).toBe(201);
      const seq = sent.body.message.seq;
      const page = await call(server.url, `${messages()}?after=${seq - 1}&limit=1`, { token });
      expect(page.body.messages[0].text).toBe(text);
    });
  });

  it('answers 4xx for every string as an app id, session id, clientId or locale', async () => {
    await each(async (text) => {
      const segment = encodeURIComponent(text);
      const asApp = await call(server.url, `/api/apps/${segment}/config`);
      expect([400, 404]).toContain(asApp.status);
      const asSession = await call(server.url, `/api/apps/demo_app/sessions/${segment}`, { token });
      expect([400, 404, 405]).toContain(asSession.status);
      const asClientId = await call(server.url, messages(), { token, body: { clientId: text, text: 'x' } });
      expect(asClientId.status).toBe(CLIENT_ID_PATTERN.test(text) ? 201 : 400);
      const asLocale = await call(server.url, '/api/apps/demo_app/visitors', { body: { locale: text } });
      expect(asLocale.status).toBe(400);
      const asQuery = await call(server.url, `/api/apps/demo_app/config?locale=${segment}`);
      expect(asQuery.status).toBe(200);
    });
  });

  it('verifies, flags or refuses every string as a customer id, claim and variable', async () => {
    await each(async (text) => {
      const asSbs = await call(server.url, '/api/apps/demo_app/visitors', {
        body: { locale: 'en', identity: signedIdentity(text) },
      });
      expect(asSbs.status).toBe(201);
      const wellFormed = text.length > 0 && text.length <= 128 && !/[\u0000-\u001f\u007f]/.test(text);
      expect(asSbs.body.visitor.verified).toBe(wellFormed);
      const asClaims = await call(server.url, '/api/apps/demo_app/visitors', {
        body: { locale: 'en', identity: { name: text.slice(0, 100), email: text.slice(0, 254) }, vars: { v: text.slice(0, 256) } },
      });
      expect(asClaims.status).toBe(201);
      expect(asClaims.body.identityError).toBe('malformed');
    });
  });

  it('answers 400 for every non-numeric string as Last-Event-ID', async () => {
    await each(async (text) => {
      const controller = new AbortController();
      let response;
      try {
        response = await fetch(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
          headers: { authorization: `Bearer ${token}`, 'last-event-id': text },
          signal: controller.signal,
        });
      } catch {
        return; // not a legal header value: fetch refuses to send it
      }
      controller.abort();
      const numeric = /^\s*\d{1,15}\s*$/.test(text) || text.trim() === '';
      expect(response.status).toBe(numeric ? 200 : 400);
    });
  });
});
