import { FieldFrame } from './field-frame';

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
  return (
    <FieldFrame id={id} label={label} error={error}>
      {(a11y) =>
        kind === 'multiline' ? (
          <textarea {...a11y} rows={2} value={value} maxLength={maxLength} onInput={(e) => onValue(e.currentTarget.value)} />
        ) : kind === 'url' ? (
          <input {...a11y} type="url" value={value} maxLength={maxLength} onInput={(e) => onValue(e.currentTarget.value)} />
        ) : (
          <input {...a11y} type="text" value={value} maxLength={maxLength} onInput={(e) => onValue(e.currentTarget.value)} />
        )
      }
    </FieldFrame>
  );
}
