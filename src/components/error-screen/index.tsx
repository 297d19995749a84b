import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n/use-t';
import './style.css';

export type ScreenKind =
  | 'app_not_found'
  | 'fullpage_disabled'
  | 'session_not_found'
  | 'network'
  | 'server'
  | 'not_found'
  | 'link_not_found'
  | 'link_not_yet_active'
  | 'link_expired'
  | 'link_disabled'
  | 'link_limit_reached'
  | 'deep_link_expired'
  | 'deep_link_revoked'
  | 'deep_link_invitation_closed';

interface Props {
  kind: ScreenKind;
  /** Placeholders of the body text (already formatted for the visitor's language). */
  values?: Record<string, string>;
  action?: { label: string; onClick(): void };
}

/** A whole-page message with a way forward; focus moves to its heading so a screen reader starts there. */
export function ErrorScreen({ kind, values, action }: Props) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = t(`errors.${kind}.title`);
  useEffect(() => heading.current?.focus(), [kind]);
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <main class="error-screen">
      <svg class="error-screen__icon" aria-hidden="true" viewBox="0 0 24 24" width="48" height="48">
        <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2zm0-4h-2V7h2z" />
      </svg>
      <h1 class="error-screen__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p class="error-screen__body">{t(`errors.${kind}.body`, values)}</p>
      {action && (
        <button type="button" class="primary-button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </main>
  );
}
