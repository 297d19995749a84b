import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../api/wire';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../i18n/format-time';
import './style.css';

interface Props {
  currentId?: string;
  load(): Promise<Session[]>;
  onPick(sessionId: string): void;
  onClose(): void;
}

type Listing = { state: 'loading' } | { state: 'ready'; sessions: Session[] } | { state: 'failed' };

/**
 * The visitor's earlier conversations, in a modal dialog (focus kept inside, Escape closes, focus returns to the
 * button that opened it). Loaded on demand: nothing of it is in the page's first bytes.
 */
export function ConversationHistory({ currentId, load, onPick, onClose }: Props) {
  const { t, locale } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [listing, setListing] = useState<Listing>({ state: 'loading' });

  useEffect(() => {
    const element = dialog.current;
    // Without showModal (older WebViews, jsdom) it opens in place, still labelled and closable with Escape.
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      element.querySelector<HTMLButtonElement>('.history__close')?.focus();
    }
    let current = true;
    load().then(
      (sessions) => current && setListing({ state: 'ready', sessions }),
      () => current && setListing({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <dialog
      class="history"
      ref={dialog}
      aria-labelledby="history-title"
      onCancel={(event) => event.preventDefault()}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div class="history__head">
        <h2 id="history-title" class="history__title">
          {t('history.title')}
        </h2>
        <button type="button" class="history__close" onClick={onClose}>
          {t('history.close')}
        </button>
      </div>
      {listing.state === 'loading' && <p role="status">{t('page.loading')}</p>}
      {listing.state === 'failed' && <p role="alert">{t('history.failed')}</p>}
      {listing.state === 'ready' && listing.sessions.length === 0 && <p>{t('history.empty')}</p>}
      {listing.state === 'ready' && listing.sessions.length > 0 && (
        <ul class="history__list">
          {listing.sessions.map((session) => {
            const status = session.id === currentId ? t('history.current') : t(session.status === 'open' ? 'history.ongoing' : 'history.ended');
            return (
              <li key={session.id}>
                <button
                  type="button"
                  class="history__item"
                  aria-current={session.id === currentId ? 'true' : undefined}
                  onClick={() => onPick(session.id)}
                >
                  <time dateTime={session.createdAt}>{formatDateTime(session.createdAt, locale)}</time>
                  <span class="history__status">{status}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </dialog>
  );
}
