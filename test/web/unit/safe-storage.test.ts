import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserStorage, createSafeStorage } from '../../../src/storage/safe-storage';

type Failing = 'getItem' | 'setItem' | 'removeItem';

/** A Storage backed by a Map whose methods can be made to throw, as blocked or full browser storage does. */
class FlakyStorage implements Storage {
  readonly data = new Map<string, string>();
  readonly failing = new Set<Failing>();
  /** setItem throws only for values longer than this: a quota that fills up later in the visit. */
  quota = Infinity;

  get length() {
    return this.data.size;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    if (this.failing.has('getItem')) throw new DOMException('blocked', 'SecurityError');
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failing.has('setItem') || value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    if (this.failing.has('removeItem')) throw new DOMException('blocked', 'SecurityError');
    this.data.delete(key);
  }
}

function flaky(...failing: Failing[]) {
  const backing = new FlakyStorage();
  for (const method of failing) backing.failing.add(method);
  return backing;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createSafeStorage with working storage', () => {
  it('reads, writes and removes through localStorage and says it persists', () => {
    const storage = createSafeStorage(() => localStorage);
    expect(storage.persistent).toBe(true);
    storage.set('dc:lang', 'ja');
    expect(localStorage.getItem('dc:lang')).toBe('ja');
    expect(storage.get('dc:lang')).toBe('ja');
    storage.remove('dc:lang');
    expect(localStorage.getItem('dc:lang')).toBeNull();
    expect(storage.get('dc:lang')).toBeNull();
  });

  it('reads what an earlier visit stored, and leaves no probe behind', () => {
    localStorage.setItem('dc:acme:token', 'earlier');
    const storage = createSafeStorage(() => localStorage);
    expect(storage.get('dc:acme:token')).toBe('earlier');
    expect(Object.keys(localStorage)).toEqual(['dc:acme:token']);
  });

  it('answers null for a key never written', () => {
    expect(createSafeStorage(() => localStorage).get('missing')).toBeNull();
  });
});

describe('createSafeStorage with blocked storage', () => {
  it('keeps values in memory when opening storage throws (SecurityError)', () => {
    const storage = createSafeStorage(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    expect(storage.persistent).toBe(false);
    storage.set('k', 'v');
    expect(storage.get('k')).toBe('v');
    storage.remove('k');
    expect(storage.get('k')).toBeNull();
  });

  it.each([null, undefined])('keeps values in memory when there is no storage (%s)', (backing) => {
    const storage = createSafeStorage(() => backing);
    expect(storage.persistent).toBe(false);
    storage.set('k', 'v');
    expect(storage.get('k')).toBe('v');
  });

  it('keeps values in memory when every write throws (QuotaExceededError)', () => {
    const backing = flaky('setItem');
    const storage = createSafeStorage(() => backing);
    expect(storage.persistent).toBe(false);
    expect(() => storage.set('k', 'v')).not.toThrow();
    expect(storage.get('k')).toBe('v');
    expect(backing.data.size).toBe(0);
  });

  it('falls back to memory when the quota fills up during the visit, and stops saying it persists', () => {
    const backing = new FlakyStorage();
    const storage = createSafeStorage(() => backing);
    expect(storage.persistent).toBe(true);
    storage.set('small', 'ok');
    backing.quota = 5;
    expect(() => storage.set('big', 'too long for the quota')).not.toThrow();
    expect(storage.get('big')).toBe('too long for the quota');
    expect(storage.get('small')).toBe('ok');
    expect(storage.persistent).toBe(false);
  });

  it('never shows a stale stored value after a newer write went to memory', () => {
    const backing = new FlakyStorage();
    backing.data.set('draft', 'old');
    const storage = createSafeStorage(() => backing);
    backing.quota = 0;
    storage.set('draft', 'new');
    expect(storage.get('draft')).toBe('new');
    storage.remove('draft');
    expect(storage.get('draft')).toBeNull();
  });

  it('answers null instead of throwing when reads throw', () => {
    const backing = flaky('getItem');
    const storage = createSafeStorage(() => backing);
    expect(() => storage.get('k')).not.toThrow();
    expect(storage.get('k')).toBeNull();
  });

  it('does not throw when removing throws', () => {
    const backing = flaky('removeItem');
    const storage = createSafeStorage(() => backing);
    expect(storage.persistent).toBe(false);
    storage.set('k', 'v');
    expect(() => storage.remove('k')).not.toThrow();
    expect(storage.get('k')).toBeNull();
  });

  it('survives everything throwing at once', () => {
    const storage = createSafeStorage(() => flaky('getItem', 'setItem', 'removeItem'));
    expect(() => {
      storage.set('k', 'v');
      storage.get('k');
      storage.remove('k');
    }).not.toThrow();
    expect(storage.get('k')).toBeNull();
  });
});

describe('createBrowserStorage', () => {
  it('uses window.localStorage', () => {
    const storage = createBrowserStorage();
    storage.set('dc:lang', 'de');
    expect(localStorage.getItem('dc:lang')).toBe('de');
    expect(storage.persistent).toBe(true);
  });

  it('does not throw when merely touching window.localStorage throws (sandboxed iframe, blocked cookies)', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    const storage = createBrowserStorage();
    expect(storage.persistent).toBe(false);
    storage.set('k', 'v');
    expect(storage.get('k')).toBe('v');
  });
});
