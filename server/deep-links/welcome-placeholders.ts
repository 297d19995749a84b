import { attributeText, type DeepLinkAttributes } from './attribute-rules';

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}/g;
const MAX_FILLED_LENGTH = 2000;

/**
 * A welcome message with its `{{attribute}}` placeholders filled from a user's attributes. A placeholder without a
 * value disappears with the space or comma it leaves dangling ("Hi {{name}}, welcome" → "Hi, welcome"), so a guest
 * and a user without that attribute get a welcome that still reads well.
 */
export function fillWelcome(template: string, attributes: DeepLinkAttributes = {}): string {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (_match, key: string) => {
    const value = Object.hasOwn(attributes, key) ? attributeText(attributes[key]!) : '';
    if (value === '') missing = true;
    return value;
  });
  const tidy = missing ? filled.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+([,.!?;:،。！？，])/g, '$1').replace(/^[ \t]*[,;:][ \t]*/gm, '').trim() : filled;
  return Array.from(tidy).slice(0, MAX_FILLED_LENGTH).join('');
}
