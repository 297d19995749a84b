import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n/use-t';
import { SESSION_CLOSED_ACTION_ID } from './action-id';
import './style.css';

/** Takes the composer's place once the conversation has ended: says so, and offers the way on. */
export function SessionClosed({ onStartNew }: { onStartNew(): void }) {
  const { t } = useT();
  const action = useRef<HTMLButtonElement>(null);
  // The message box this panel replaces may have had focus: keep the keyboard user here, not on <body>.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) action.current?.focus();
  }, []);
  return (
    <div class="session-closed" role="status">
      <p class="session-closed__text">{t('session.closed')}</p>
      <button type="button" id={SESSION_CLOSED_ACTION_ID} ref={action} class="primary-button" onClick={onStartNew}>
        {t('session.startNew')}
      </button>
    </div>
  );
}
