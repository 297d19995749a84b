import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCENT, accentColors, contrastRatio } from '../../../src/config/accent-color';

const AA_NORMAL_TEXT = 4.5;

describe('contrastRatio', () => {
  it('gives the WCAG ratios for known pairs, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#ffffff')).toBe(1);
  });
});

describe('accentColors', () => {
  it.each([
    ['#1f5fbf', '#1f5fbf', 'light'],
    ['#FFFFFF', '#ffffff', 'dark'],
    ['#000', '#000', 'light'],
    ['#ffff00', '#ffff00', 'dark'],
    ['#ABC', '#abc', 'dark'],
  ])('keeps %s as %s with %s text on it', (input, accent, text) => {
    const colors = accentColors(input);
    expect(colors.accent).toBe(accent);
    expect(colors.onAccent === '#ffffff').toBe(text === 'light');
    expect(contrastRatio(colors.accent, colors.onAccent)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it.each([
    undefined,
    '',
    'red',
    'transparent',
    '#12',
    '#1234',
    '#12345',
    '#1234567',
    '#12345678',
    '#ggg',
    '1f5fbf',
    ' #1f5fbf',
    '#1f5fbf ',
    '#1f5fbf\n',
    'rgb(0, 0, 0)',
    'var(--x)',
    '#fff;background:url(https://evil.example/x)',
    'url(javascript:alert(1))',
    'expression(alert(1))',
  ])('falls back to the default for %j', (input) => {
    expect(accentColors(input).accent).toBe(DEFAULT_ACCENT);
  });

  it('uses the brand colour as text on white only where it reads', () => {
    expect(accentColors('#1f5fbf').accentText).toBe('#1f5fbf');
    expect(accentColors('#ffcc00').accentText).toBe('#111111');
  });

  it('reads well on the default accent', () => {
    const { accent, onAccent } = accentColors(undefined);
    expect(contrastRatio(accent, onAccent)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it.each(['#777777', '#9560cd', '#e0301e', '#0088cc'])('puts text with AA contrast on the mid-tone %s', (color) => {
    const { accent, onAccent } = accentColors(color);
    expect(contrastRatio(accent, onAccent)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
  });

  it('puts text with AA contrast (4.5:1) on any hex colour (property)', () => {
    const hex6 = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
    const hex3 = fc.integer({ min: 0, max: 0xfff }).map((n) => `#${n.toString(16).padStart(3, '0')}`);
    fc.assert(
      fc.property(fc.oneof(hex6, hex3), fc.boolean(), (color, upper) => {
        const { accent, onAccent, accentText } = accentColors(upper ? color.toUpperCase() : color);
        expect(contrastRatio(accent, onAccent)).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
        expect(contrastRatio(accentText, '#ffffff')).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
      }),
      { numRuns: 2000 },
    );
  });
});
