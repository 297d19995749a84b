import { describe, expect, it } from 'vitest';
import { isSendKey } from '../../../src/chat/composer-keys';

const key = (init: KeyboardEventInit & { keyCode?: number }) => {
  const event = new KeyboardEvent('keydown', init);
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  return event;
};

describe('isSendKey', () => {
  it('sends on Enter', () => {
    expect(isSendKey(key({ key: 'Enter', keyCode: 13 }))).toBe(true);
    expect(isSendKey(key({ key: 'Enter' }))).toBe(true);
  });

  it('makes a new line on Shift+Enter', () => {
    expect(isSendKey(key({ key: 'Enter', shiftKey: true, keyCode: 13 }))).toBe(false);
  });

  it('does not send the Enter that confirms an IME composition', () => {
    expect(isSendKey(key({ key: 'Enter', isComposing: true, keyCode: 13 }))).toBe(false);
  });

  it('does not send on keyCode 229, which Safari reports for an IME Enter without isComposing', () => {
    expect(isSendKey(key({ key: 'Enter', keyCode: 229 }))).toBe(false);
  });

  it.each(['a', ' ', 'Tab', 'Escape', 'Process', 'Unidentified', 'enter'])('does not send on %j', (name) => {
    expect(isSendKey(key({ key: name }))).toBe(false);
  });
});
