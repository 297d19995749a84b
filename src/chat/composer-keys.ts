/** Enter sends; Shift+Enter makes a new line; Enter that confirms an IME composition (Japanese, Chinese, Korean) does neither. */
export function isSendKey(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing' | 'keyCode'>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229;
}
