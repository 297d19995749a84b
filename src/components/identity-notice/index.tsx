import type { IdentityError } from '../../api/wire';
import { useT } from '../../i18n/use-t';
import './style.css';

/** Why the link's identity was not used; the visitor goes on as a guest either way. */
export function IdentityNotice({ reason, onDismiss }: { reason: IdentityError; onDismiss(): void }) {
  const { t } = useT();
  return (
    <div class="notice" role="status">
      <p class="notice__text">{t(`identity.${reason}`)}</p>
      <button type="button" class="notice__button" onClick={onDismiss}>
        {t('identity.dismiss')}
      </button>
    </div>
  );
}
