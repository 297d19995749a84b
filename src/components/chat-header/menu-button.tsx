import { useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { i18n } from 'i18next';
import { completeLanguage } from '../../i18n/setup-i18n';
import { useT } from '../../i18n/use-t';
import type { ChatMenuProps } from '../chat-menu';

// The menu's words are in the part of the language's messages that follows the first paint.
const loadMenu = (instance: i18n) =>
  Promise.all([import('../chat-menu'), completeLanguage(instance)]).then(([module]) => module.ChatMenu);

/**
 * The header's one menu: Earlier chats, New chat, Language. Its panel is a chunk of its own, fetched when the
 * pointer or focus first comes near the button, so the first paint carries none of it.
 */
export function MenuButton({ menu }: { menu: Omit<ChatMenuProps, 'onDone'> }) {
  const { t, i18n } = useT();
  const button = useRef<HTMLButtonElement>(null);
  const [Menu, setMenu] = useState<ComponentType<ChatMenuProps> | null>(null);
  const [open, setOpen] = useState(false);
  const prefetch = () => {
    if (!Menu) void loadMenu(i18n).then((component) => setMenu(() => component));
  };
  const done = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        ref={button}
        class="chat-header__icon-button"
        aria-label={t('header.menu')}
        aria-expanded={open}
        aria-controls={open ? 'chat-menu' : undefined}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        data-menu-button
        onClick={() => {
          prefetch();
          setOpen(!open);
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
          <circle cx="12" cy="5" r="2" fill="currentColor" />
          <circle cx="12" cy="12" r="2" fill="currentColor" />
          <circle cx="12" cy="19" r="2" fill="currentColor" />
        </svg>
      </button>
      {open && Menu && <Menu {...menu} onDone={done} />}
    </>
  );
}
