interface Props {
  /** Said above the buttons (role=alert) when saving failed. */
  error: string | null;
  saving: boolean;
  submitLabel: string;
  onCancel(): void;
  class: string;
}

/** The end of an editor form: the save failure, then Save (busy while saving) and Cancel. */
export function FormActions({ error, saving, submitLabel, onCancel, class: className }: Props) {
  return (
    <>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div class={className}>
        <button type="submit" class="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
