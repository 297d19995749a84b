import { useT } from '../../i18n/use-t';

/** The same outline index.html shows before the script runs (styles in base.css), with a status for screen readers. */
export function LoadingSkeleton() {
  const { t } = useT();
  return (
    <div class="skeleton">
      <div class="skeleton__header" />
      <div class="skeleton__log" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <p class="visually-hidden" role="status">
        {t('page.loading')}
      </p>
      <div class="skeleton__composer" />
    </div>
  );
}
