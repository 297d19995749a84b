interface Props {
  headingId: string;
  title: string;
  /** Read after "Refresh" by screen readers, e.g. "links and counts". */
  refreshes: string;
  newLabel: string;
  /** The attribute the "new" button carries, so focus can return to it when the form closes. */
  openerAttribute: string;
  hint: string;
  loadError: string | null;
  onRefresh(): void;
  onNew(): void;
  onRetry(): void;
}

/** The top of a section's list: its heading, Refresh and New, what the section is for, and a load failure. */
export function SectionListHead({ headingId, title, refreshes, newLabel, openerAttribute, hint, loadError, onRefresh, onNew, onRetry }: Props) {
  return (
    <>
      <div class="links__head">
        <h2 id={headingId} tabIndex={-1}>
          {title}
        </h2>
        <div class="links__tools">
          <button type="button" class="button" onClick={onRefresh}>
            Refresh<span class="visually-hidden"> {refreshes}</span>
          </button>
          <button type="button" class="button button--primary" {...{ [openerAttribute]: 'new' }} onClick={onNew}>
            {newLabel}
          </button>
        </div>
      </div>
      <p class="hint">{hint}</p>
      {loadError && (
        <div class="notice notice--error" role="alert">
          <p>
            {title} could not be loaded. {loadError}
          </p>
          <button type="button" class="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}
