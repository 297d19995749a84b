interface Props {
  id: string;
  label: string;
  value: string;
  maxLength: number;
  error?: string;
  kind?: 'text' | 'url' | 'multiline';
  onValue(value: string): void;
}

/** A labelled text control with its error tied to it (aria-invalid + aria-describedby). */
export function FormField({ id, label, value, maxLength, error, kind = 'text', onValue }: Props) {
  const errorId = `${id}-error`;
  const a11y = { 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? errorId : undefined };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {kind === 'multiline' ? (
        <textarea id={id} rows={2} value={value} maxLength={maxLength} onInput={(e) => onValue(e.currentTarget.value)} {...a11y} />
      ) : kind === 'url' ? (
        <input id={id} type="url" value={value} maxLength={maxLength} onInput={(e) => onValue(e.currentTarget.value)} {...a11y} />
      ) : (
        <input id={id} type="text" value={value} maxLength={maxLength} onInput={(e) => onValue(e.currentTarget.value)} {...a11y} />
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
