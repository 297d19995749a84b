const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
export const DEFAULT_ACCENT = '#1f5fbf';

function channels(hex: string): [number, number, number] {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The brand colour and the text colour to put on it, whichever of white or near-black reads better.
 * A colour that is not a hex colour (a typo, or something hostile) is replaced by the default.
 */
export function accentColors(value: string | undefined): { accent: string; onAccent: string; accentText: string } {
  const accent = value && HEX_COLOR.test(value) ? value.toLowerCase() : DEFAULT_ACCENT;
  // Pure black: with it, one of the two always reaches 4.5:1 (near-black does not for mid-tones such as #777).
  const onAccent = contrastRatio(accent, '#ffffff') >= contrastRatio(accent, '#000000') ? '#ffffff' : '#000000';
  // The brand colour as text on white only where it reads (4.5:1); a pale brand colour gives way to near-black.
  const accentText = contrastRatio(accent, '#ffffff') >= 4.5 ? accent : '#111111';
  return { accent, onAccent, accentText };
}

/** The page root's custom properties for a brand colour (the chat's route and the server's first screen). */
export function accentStyle(value: string | undefined): Record<'--accent' | '--on-accent' | '--accent-text', string> {
  const colours = accentColors(value);
  return { '--accent': colours.accent, '--on-accent': colours.onAccent, '--accent-text': colours.accentText };
}
