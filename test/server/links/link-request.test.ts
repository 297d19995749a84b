import { describe, expect, it } from 'vitest';
import { validateLinkInput, validateLinkPatch } from '../../../server/requests/link-request';
import type { LocaleCode } from '../../../src/api/wire';

const LOCALES: LocaleCode[] = ['en', 'fr', 'ja'];
const valid = { name: 'Spring newsletter', locale: 'fr' };

describe('create a link: validation', () => {
  it('accepts the minimum and fills the rest with "not set"', () => {
    expect(validateLinkInput(valid, LOCALES)).toEqual({
      ok: true,
      value: { name: 'Spring newsletter', description: null, locale: 'fr', activeFrom: null, expiresAt: null, slug: undefined, perParticipantLimit: null },
    });
  });

  it('accepts every field, times with any zone stored as UTC milliseconds', () => {
    const result = validateLinkInput(
      { ...valid, description: '  notes ', locale: '*', activeFrom: '2026-12-01T10:00:00+01:00', expiresAt: '2026-12-31T23:00Z', slug: 'spring', perParticipantLimit: 2 },
      LOCALES,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Spring newsletter',
        description: 'notes',
        locale: '*',
        activeFrom: Date.parse('2026-12-01T09:00:00Z'),
        expiresAt: Date.parse('2026-12-31T23:00:00Z'),
        slug: 'spring',
        perParticipantLimit: 2,
      },
    });
  });

  it.each([
    [{ ...valid, name: '   ' }, 'name', 'Give the link a name.'],
    [{ ...valid, name: 'x'.repeat(121) }, 'name', 'Keep the name to 120 characters.'],
    [{ locale: 'fr' }, 'name', 'Give the link a name.'],
    [{ name: 'x' }, 'locale', "Choose one of the app's languages, or all languages."],
    [{ ...valid, locale: 'de' }, 'locale', "Choose one of the app's languages, or all languages."],
    [{ ...valid, locale: 'fr-ca' }, 'locale', "Choose one of the app's languages, or all languages."],
    [{ ...valid, slug: 'API' }, 'slug', 'Use only lower-case letters a–z, digits and hyphens.'],
    [{ ...valid, slug: 'api' }, 'slug', 'This word is reserved (a page name or language code). Choose another.'],
    [{ ...valid, slug: 'ja' }, 'slug', 'Use at least 3 characters.'],
    [{ ...valid, slug: 'zh-cn' }, 'slug', 'This word is reserved (a page name or language code). Choose another.'],
    [{ ...valid, perParticipantLimit: 0 }, 'perParticipantLimit', 'The limit must be at least 1 (leave it empty for no limit).'],
    [{ ...valid, perParticipantLimit: 1.5 }, 'perParticipantLimit', 'The limit must be a whole number.'],
    [{ ...valid, perParticipantLimit: '2' }, 'perParticipantLimit', 'The limit must be a whole number.'],
    [{ ...valid, activeFrom: '2026-12-01 09:00' }, 'activeFrom', 'Active from must be a date and time with its time zone, e.g. 2026-12-01T09:00:00Z.'],
    [{ ...valid, activeFrom: '2026-12-01T09:00:00' }, 'activeFrom', 'Active from must be a date and time with its time zone, e.g. 2026-12-01T09:00:00Z.'],
    [{ ...valid, expiresAt: '2026-13-45T09:00:00Z' }, 'expiresAt', 'Expires at is not a real date.'],
    [{ ...valid, activeFrom: '2026-12-02T00:00Z', expiresAt: '2026-12-01T00:00Z' }, 'expiresAt', 'The link must expire after it becomes active.'],
    [{ ...valid, visits: 3 }, 'visits', 'Unknown field "visits".'],
  ])('%j → %s', (body, field, message) => {
    const result = validateLinkInput(body, LOCALES);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toBe(message);
  });

  it('a body that is not an object is refused, never thrown', () => {
    for (const body of [null, 'x', 3, [], undefined]) expect(validateLinkInput(body, LOCALES).ok).toBe(false);
  });
});

describe('patch a link: validation', () => {
  const current = { activeFrom: Date.parse('2026-12-01T00:00Z'), expiresAt: null };

  it('keeps only what was sent; null clears', () => {
    expect(validateLinkPatch({ slug: 'new-name', expiresAt: null, disabled: true }, LOCALES, current)).toEqual({
      ok: true,
      value: { slug: 'new-name', expiresAt: null, disabled: true },
    });
    expect(validateLinkPatch({}, LOCALES, current)).toEqual({ ok: true, value: {} });
  });

  it('checks a new expiry against the stored start', () => {
    const result = validateLinkPatch({ expiresAt: '2026-11-30T00:00Z' }, LOCALES, current);
    expect(result).toEqual({ ok: false, errors: { expiresAt: 'The link must expire after it becomes active.' } });
  });

  it('refuses unknown fields and wrong types', () => {
    expect(validateLinkPatch({ id: 'x' }, LOCALES, current).ok).toBe(false);
    expect(validateLinkPatch({ disabled: 'yes' }, LOCALES, current).ok).toBe(false);
    expect(validateLinkPatch({ name: '' }, LOCALES, current).ok).toBe(false);
  });
});
