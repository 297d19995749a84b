import { describe, expect, it } from 'vitest';
import { SESSION_ID_PATTERN } from '../../src/api/limits';
import { newRandomId } from '../../server/random-id';

describe('newRandomId', () => {
  it('gives distinct ids of 22 base64url characters across several refills of its random pool', () => {
    const ids = Array.from({ length: 1000 }, () => newRandomId('s'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^s_[A-Za-z0-9_-]{22}$/);
    expect(ids.every((id) => SESSION_ID_PATTERN.test(id))).toBe(true);
  });
});
