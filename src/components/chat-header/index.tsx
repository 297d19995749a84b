import type { AppConfig, LocaleCode, Visitor } from '../../api/wire';
import { safeImageSource } from '../../link/safe-url';
import { useT } from '../../i18n/use-t';
import { LanguageSwitcher } from '../language-switcher';
import './style.css';

interface Props {
  config: AppConfig;
  locales: readonly LocaleCode[];
  visitor?: Visitor;
  canStartNew: boolean;
  onStartNew(): void;
  /** Shows the visitor's earlier conversations; absent until the visitor is known. */
  onShowHistory?: () => void;
  onLanguageChange(locale: LocaleCode): void;
  /** Only inside the embed loader's frame: hands the visitor back to the host page. */
  onClose?: () => void;
}

export function ChatHeader({ config, locales, visitor, canStartNew, onStartNew, onShowHistory, onLanguageChange, onClose }: Props) {
  const { t } = useT();
  const logo = safeImageSource(config.branding.logoUrl);
  return (
    <header class="chat-header">
      {logo && (
        <img
          class="chat-header__logo"
          src={logo}
          alt={t('header.logoAlt', { name: config.name })}
          width={32}
          height={32}
          referrerpolicy="no-referrer"
        />
      )}
      <div class="chat-header__titles">
        <h1 class="chat-header__title">{config.branding.title}</h1>
        {visitor?.verified && (
          <p class="chat-header__verified">
            <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
              <path fill="currentColor" d="M6.5 11.2 3.3 8l1.1-1.1 2.1 2.1 5.1-5.1 1.1 1.1z" />
            </svg>
            {visitor.displayName ? `${t('header.verified')} · ${visitor.displayName}` : t('header.verified')}
          </p>
        )}
      </div>
      <div class="chat-header__actions">
        {onShowHistory && (
          <button type="button" class="chat-header__button" onClick={onShowHistory} aria-haspopup="dialog">
            {t('history.open')}
          </button>
        )}
        {canStartNew && (
          <button type="button" class="chat-header__button" onClick={onStartNew}>
            {t('header.newChat')}
          </button>
        )}
        <LanguageSwitcher locales={locales} onChange={onLanguageChange} />
        {onClose && (
          <button type="button" class="chat-header__button chat-header__close" onClick={onClose} aria-label={t('header.close')}>
            <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
              <path fill="currentColor" d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z" />
            </svg>
          </button>
        )}
      </div>
    </header>
  );
}
