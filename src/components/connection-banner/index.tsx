import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from '../../chat/chat-state';
import { useT } from '../../i18n/use-t';
import './style.css';

const BACK_ONLINE_MS = 4_000;
// Short blips are not worth a word: say "reconnecting" only when it lasts.
const RECONNECTING_GRACE_MS = 2_000;

/** A polite line about the connection: offline (and what is waiting), reconnecting, then "back online" for a moment. */
export function ConnectionBanner({ connection, waitingCount }: { connection: Connection; waitingCount: number }) {
  const { t } = useT();
  const [shown, setShown] = useState<Connection | 'back'>('online');
  const previous = useRef<Connection>(connection);

  useEffect(() => {
    const was = previous.current;
    previous.current = connection;
    if (connection === 'offline') return setShown('offline');
    if (connection === 'reconnecting') {
      const timer = setTimeout(() => setShown('reconnecting'), was === 'offline' ? 0 : RECONNECTING_GRACE_MS);
      return () => clearTimeout(timer);
    }
    if (was === 'offline' || shown !== 'online') {
      setShown('back');
      const timer = setTimeout(() => setShown('online'), BACK_ONLINE_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [connection]);

  let text = '';
  if (shown === 'offline') {
    text = t('connection.offline') + (waitingCount > 0 ? ` ${t('outbox.waiting', { count: waitingCount })}` : '');
  } else if (shown === 'reconnecting') text = t('connection.reconnecting');
  else if (shown === 'back') text = t('connection.online');

  return (
    <p class={`connection-banner connection-banner--${shown}`} role="status">
      {text}
    </p>
  );
}
