import { useEffect, useRef, useState } from 'preact/hooks';
import type { LocaleCode, Session } from '../../api/wire';
import { LOCALE_NAMES } from '../../i18n/locale-names';
import { toBcp47 } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import './style.css';

export interface ChatMenuProps {
  locales: readonly LocaleCode[];
  currentSessionId?: string;
  /** Absent until the visitor is known; then "Earlier chats" shows once there is another conversation. */
  listConversations?: () => Promise<Session[]>;
  canStartNew: boolean;
  onStartNew(): void;
  onShowHistory(): void;
  onLanguageChange(locale: LocaleCode): void;
  /** The panel is done; `refocus` gives focus back to the menu button. */
  onDone(refocus: boolean): void;
}

/**
 * The header menu's panel (its own chunk). A language changes only when the visitor picks one, never while the
 * keyboard moves through the list. Escape closes this panel only, never the embedding frame.
 */
export function ChatMenu(props: ChatMenuProps) {
  const { t, locale } = useT();
  const panel = useRef<HTMLDivElement>(null);
  const [hasEarlier, setHasEarlier] = useState(false);
  const choices = props.locales.includes(locale) ? props.locales : [locale, ...props.locales];

  useEffect(() => {
    // A press outside closes the menu (the menu button toggles it itself).
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      if (!panel.current?.contains(target) && !target.closest?.('[data-menu-button]')) props.onDone(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);

  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  // Asked again when the visitor becomes known while the panel is open (the engine loads after the first paint).
  const canList = props.listConversations !== undefined;
  useEffect(() => {
    if (!canList) return;
    let current = true;
    props.listConversations!().then(
      (sessions) => current && setHasEarlier(sessions.some((session) => session.id !== props.currentSessionId)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [canList, props.currentSessionId]);

  const act = (action: () => void) => () => {
    props.onDone(true);
    action();
  };

  return (
    <div
      id="chat-menu"
      class="chat-menu"
      ref={panel}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        props.onDone(true);
      }}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !panel.current?.contains(next) && !(next as Element).closest?.('[data-menu-button]')) props.onDone(false);
      }}
    >
      {props.canStartNew && (
        <button type="button" class="chat-menu__item" onClick={act(props.onStartNew)}>
          {t('header.newChat')}
        </button>
      )}
      {hasEarlier && (
        <button type="button" class="chat-menu__item" aria-haspopup="dialog" onClick={act(props.onShowHistory)}>
          {t('history.open')}
        </button>
      )}
      <p class="chat-menu__heading" id="chat-menu-language">
        {t('language.label')}
      </p>
      <ul class="chat-menu__languages" aria-labelledby="chat-menu-language">
        {choices.map((code) => (
          <li key={code}>
            <button
              type="button"
              class="chat-menu__language"
              lang={toBcp47(code)}
              aria-current={code === locale ? 'true' : undefined}
              onClick={act(() => code !== locale && props.onLanguageChange(code))}
            >
              {LOCALE_NAMES[code]}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
