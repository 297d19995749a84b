import { useT } from '../../i18n/use-t';
import './style.css';

export function SessionClosed({ onStartNew }: { onStartNew(): void }) {
  const { t } = useT();
  return (
    <div class="session-closed" role="status">
      <p class="session-closed__text">{t('session.closed')}</p>
      <button type="button" class="primary-button" onClick={onStartNew}>
        {t('session.startNew')}
      </button>
    </div>
  );
}
