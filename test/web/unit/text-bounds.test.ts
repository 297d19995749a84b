import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripControlCharacters, truncateCodePoints } from '../../../src/link/text-bounds';
import { CONTROL_OR_BIDI, codePoints, isWellFormed } from './support/text-checks';

describe('truncateCodePoints', () => {
  it('leaves short text alone and cuts long text', () => {
    expect(truncateCodePoints('hello', 5)).toBe('hello');
    expect(truncateCodePoints('hello', 3)).toBe('hel');
    expect(truncateCodePoints('', 0)).toBe('');
  });

  it('counts an emoji as one and never cuts it in half', () => {
    expect(truncateCodePoints('😀😀😀', 2)).toBe('😀😀');
    expect(truncateCodePoints('a😀', 1)).toBe('a');
  });

  it('gives a prefix of at most max code points, well-formed if the input was (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(40), (text, max) => {
        const cut = truncateCodePoints(text, max);
        expect(text.startsWith(cut)).toBe(true);
        expect(codePoints(cut)).toBe(Math.min(max, codePoints(text)));
        expect(isWellFormed(cut)).toBe(true);
      }),
    );
  });
});

describe('stripControlCharacters', () => {
  it('removes C0, DEL, C1 and bidi overrides and isolates', () => {
    expect(stripControlCharacters('a\u0000b\tc\nd\u001fe\u007ff\u0080g\u009fh\u202ai\u202ej\u2066k\u2069l')).toBe('abcdefghijkl');
  });

  it('keeps ordinary text of every script', () => {
    const text = 'Ann 张伟 山田 김민준 Müller Жанна שלום مرحبا 🦄 ​';
    expect(stripControlCharacters(text)).toBe(text);
  });

  it('removes exactly the forbidden characters and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const stripped = stripControlCharacters(text);
        expect(stripped).not.toMatch(CONTROL_OR_BIDI);
        expect(stripped).toBe(Array.from(text).filter((char) => !CONTROL_OR_BIDI.test(char)).join(''));
      }),
    );
  });
});
