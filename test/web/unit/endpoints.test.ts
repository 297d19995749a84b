import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { appRequests, sessionRequests, staysInAppPath, staysInSessionPath } from './support/request-urls';
import { SESSION_ID_PATTERN } from '../../../src/api/limits';

const guest = { base: '/api', appId: 'acme' };
const visitor = { ...guest, token: 'tok-secret-123' };

describe('endpoints: URLs and methods', () => {
  it('builds every call of the wire contract', () => {
    expect(endpoints.config(guest, 'zh-cn')).toMatchObject({ method: 'GET', url: '/api/apps/acme/config?locale=zh-cn' });
    expect(endpoints.createVisitor(guest, { locale: 'en' })).toMatchObject({ method: 'POST', url: '/api/apps/acme/visitors' });
    expect(endpoints.createSession(visitor)).toMatchObject({ method: 'POST', url: '/api/apps/acme/sessions', body: '{}' });
    expect(endpoints.session(visitor, 's1')).toMatchObject({ method: 'GET', url: '/api/apps/acme/sessions/s1' });
    expect(endpoints.sendMessage(visitor, 's1', { clientId: 'client-0001', text: 'hi' })).toMatchObject({
      method: 'POST',
      url: '/api/apps/acme/sessions/s1/messages',
    });
    expect(endpoints.events(visitor, 's1', 0)).toMatchObject({ method: 'GET', url: '/api/apps/acme/sessions/s1/events' });
  });

  it('asks for pages of messages with only the bounds given', () => {
    const url = (page: { after?: number; before?: number; limit?: number }) => endpoints.messages(visitor, 's1', page).url;
    expect(url({})).toBe('/api/apps/acme/sessions/s1/messages');
    expect(url({ before: 10, limit: 50 })).toBe('/api/apps/acme/sessions/s1/messages?before=10&limit=50');
    expect(url({ after: 0, limit: 100 })).toBe('/api/apps/acme/sessions/s1/messages?after=0&limit=100');
    expect(url({ after: 3, before: undefined })).toBe('/api/apps/acme/sessions/s1/messages?after=3');
  });

  it('works with an absolute API base on another host', () => {
    const target = { base: 'https://chat-api.example.com/v1', appId: 'acme' };
    expect(endpoints.config(target, 'de').url).toBe('https://chat-api.example.com/v1/apps/acme/config?locale=de');
  });

  it('encodes ids as single path segments', () => {
    const target = { base: '/api', appId: 'a/b?c#d' };
    expect(endpoints.config(target, 'en').url).toBe('/api/apps/a%2Fb%3Fc%23d/config?locale=en');
    expect(endpoints.session(guest, 's_Ab-09').url).toBe('/api/apps/acme/sessions/s_Ab-09');
  });

  it('refuses a session id that is not one, rather than put it in a URL', () => {
    for (const sessionId of ['../x?y#z', 'a/b', '..', '.', '', 'x'.repeat(65), 'é']) {
      expect(() => endpoints.session(guest, sessionId)).toThrow(TypeError);
      expect(() => endpoints.events(visitor, sessionId, 0)).toThrow(TypeError);
    }
  });

  it.each(['..', '.', '%2e%2e', '.%2E', ''])('never lets the session id %j leave its own path (or refuses it)', (sessionId) => {
    let requests;
    try {
      requests = sessionRequests(visitor, sessionId);
    } catch {
      return;
    }
    for (const [suffix, request] of requests) expect(staysInSessionPath(request.url, '/api', suffix), request.url).toBe(true);
  });

  it('keeps every request under its app and session, whatever the ids (property)', () => {
    const id = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));
    const base = fc.constantFrom('/api', '/chat/api', 'https://api.example.com', 'https://api.example.com/v1');
    fc.assert(
      fc.property(base, fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), id, (b, appId, sessionId) => {
        for (const [suffix, query, request] of appRequests({ base: b, appId })) {
          expect(staysInAppPath(request.url, b, suffix, query)).toBe(true);
        }
        let requests;
        try {
          requests = sessionRequests({ base: b, appId }, sessionId);
        } catch {
          expect(SESSION_ID_PATTERN.test(sessionId)).toBe(false);
          return;
        }
        for (const [suffix, request] of requests) {
          expect(staysInSessionPath(request.url, b, suffix)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('endpoints: headers', () => {
  it('asks for JSON, without Authorization for a guest', () => {
    expect(endpoints.config(guest, 'en').headers).toEqual({ Accept: 'application/json' });
    expect(endpoints.createVisitor(guest, { locale: 'en' }).headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('sends the visitor token as a Bearer header, never in the URL', () => {
    const all = [
      endpoints.config(visitor, 'en'),
      endpoints.createVisitor(visitor, { locale: 'en' }),
      endpoints.createSession(visitor),
      endpoints.session(visitor, 's1'),
      endpoints.messages(visitor, 's1', { after: 1 }),
      endpoints.sendMessage(visitor, 's1', { clientId: 'client-0001', text: 'x' }),
      endpoints.events(visitor, 's1', 3),
    ];
    for (const request of all) {
      expect(request.headers.Authorization).toBe('Bearer tok-secret-123');
      expect(request.url).not.toContain('tok-secret-123');
      expect(request.body ?? '').not.toContain('tok-secret-123');
    }
  });

  it('sends no Authorization for an empty token', () => {
    expect(endpoints.session({ ...guest, token: '' }, 's1').headers).not.toHaveProperty('Authorization');
  });

  it('asks the event stream for text/event-stream, resuming with Last-Event-ID only after a real seq', () => {
    expect(endpoints.events(visitor, 's1', 0).headers).toEqual({ Accept: 'text/event-stream', Authorization: 'Bearer tok-secret-123' });
    expect(endpoints.events(visitor, 's1', 42).headers['Last-Event-ID']).toBe('42');
    for (const seq of [-1, Number.NaN]) expect(endpoints.events(visitor, 's1', seq).headers).not.toHaveProperty('Last-Event-ID');
  });

  it('gives every request its own headers object', () => {
    const first = endpoints.events(visitor, 's1', 5);
    const second = endpoints.session(visitor, 's1');
    expect(second.headers).not.toHaveProperty('Last-Event-ID');
    expect(second.headers.Accept).toBe('application/json');
    expect(first.headers).not.toBe(second.headers);
  });
});

describe('endpoints: bodies', () => {
  it('posts the visitor request as JSON', () => {
    const body = {
      locale: 'ja' as const,
      identity: { sbs: 'c-1', sbs_mm: '0123456789abcdef0123456789abcdef', ranstr: 'abcdefghijklmnop', name: '山田' },
      vars: Object.fromEntries([
        ['__proto__', 'x'],
        ['campaign', 'spring'],
      ]),
    };
    const sent = JSON.parse(endpoints.createVisitor(guest, body).body ?? '');
    expect(sent).toEqual(body);
    expect(Object.getOwnPropertyDescriptor(sent.vars, '__proto__')?.value).toBe('x');
  });

  it('posts a message as {clientId, text}, any text coming back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const request = endpoints.sendMessage(visitor, 's1', { clientId: 'client-0001', text });
        expect(JSON.parse(request.body ?? '')).toEqual({ clientId: 'client-0001', text });
      }),
    );
  });

  it('sends no body with a GET', () => {
    expect(endpoints.config(guest, 'en').body).toBeUndefined();
    expect(endpoints.events(visitor, 's1', 1).body).toBeUndefined();
  });
});
