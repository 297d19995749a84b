import { describe, expect, it } from 'vitest';
import { resolveApiBase } from '../../../server/console/api/api-base';
import { agentPaths } from '../../../server/console/api/agent-paths';
import { createSafeStorage } from '../../../src/storage/safe-storage';
import { parseSessionEvent } from '../../../server/console/api/session-event';
import { summaryOf, visitorDetail } from '../support/fixtures';

describe('createSafeStorage', () => {
  it('uses the storage when it works', () => {
    const storage = createSafeStorage(() => sessionStorage);
    storage.set('k', 'v');
    expect(sessionStorage.getItem('k')).toBe('v');
    expect(storage.get('k')).toBe('v');
    storage.remove('k');
    expect(storage.get('k')).toBeNull();
  });

  it('falls back to memory when storage throws', () => {
    const storage = createSafeStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(storage.get('k')).toBeNull();
    storage.set('k', 'v');
    expect(storage.get('k')).toBe('v');
    storage.remove('k');
    expect(storage.get('k')).toBeNull();
  });

  it('falls back when writing fails (quota)', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const storage = createSafeStorage(() => full);
    storage.set('k', 'v');
    expect(storage.get('k')).toBe('v');
  });
});

describe('agentPaths', () => {
  it('encodes ids so they cannot change the route', () => {
    expect(agentPaths.session('a/../b', 's?x=1#')).toBe('/api/agent/apps/a%2F..%2Fb/sessions/s%3Fx%3D1%23');
    expect(agentPaths.messages('a', 's', { after: 3, limit: 50 })).toBe('/api/agent/apps/a/sessions/s/messages?after=3&limit=50');
    expect(agentPaths.messages('a', 's')).toBe('/api/agent/apps/a/sessions/s/messages');
    expect(agentPaths.sessions('a', 'open')).toBe('/api/agent/apps/a/sessions?status=open');
    expect(agentPaths.appEvents('a')).toBe('/api/agent/apps/a/events');
  });
});

describe('resolveApiBase', () => {
  it('takes an absolute http(s) URL or a path, otherwise the origin', () => {
    const origin = 'https://console.test';
    expect(resolveApiBase('', origin)).toBe(origin);
    expect(resolveApiBase(null, origin)).toBe(origin);
    expect(resolveApiBase('https://api.test/', origin)).toBe('https://api.test');
    expect(resolveApiBase('/backend/', origin)).toBe('https://console.test/backend');
    expect(resolveApiBase('//evil.test', origin)).toBe(origin);
    expect(resolveApiBase('javascript:alert(1)', origin)).toBe(origin);
  });
});

describe('parseSessionEvent', () => {
  it('accepts a summary and refuses anything else', () => {
    const summary = summaryOf('s', visitorDetail(), []);
    expect(parseSessionEvent(JSON.stringify(summary))).toEqual(summary);
    for (const bad of ['', 'null', '[]', '{"id":1}', JSON.stringify({ ...summary, lastSeq: '3' }), JSON.stringify({ ...summary, visitor: null })]) {
      expect(parseSessionEvent(bad)).toBeNull();
    }
  });
});
