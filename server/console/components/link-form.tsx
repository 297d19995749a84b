import { useRef, useState } from 'preact/hooks';
import type { LinkCard } from '../../../src/api/wire';
import { LINK_LIMITS } from '../../../src/api/limits';
import {
  EMPTY_LINK_FORM,
  LINK_FORM_FIELDS,
  validateLinkForm,
  type LinkFormErrors,
  type LinkFormField,
  type LinkFormValues,
} from '../compose/link-form';
import { FormField } from './form-field';

const FIELDS: Record<LinkFormField, { label: string; kind: 'text' | 'url' | 'multiline'; maxLength: number }> = {
  title: { label: 'Title', kind: 'text', maxLength: LINK_LIMITS.title },
  url: { label: 'URL', kind: 'url', maxLength: LINK_LIMITS.url },
  imageUrl: { label: 'Image URL (optional)', kind: 'url', maxLength: LINK_LIMITS.url },
  description: { label: 'Description (optional)', kind: 'multiline', maxLength: LINK_LIMITS.description },
};

export function LinkForm({ onSend }: { onSend(link: LinkCard): void }) {
  const [values, setValues] = useState<LinkFormValues>(EMPTY_LINK_FORM);
  const [errors, setErrors] = useState<LinkFormErrors>({});
  const form = useRef<HTMLFormElement>(null);

  function submit(event: Event) {
    event.preventDefault();
    const result = validateLinkForm(values);
    if (!result.ok) {
      setErrors(result.errors);
      const first = LINK_FORM_FIELDS.find((f) => result.errors[f]);
      form.current?.querySelector<HTMLElement>(`#link-${first}`)?.focus();
      return;
    }
    onSend(result.link);
    setValues(EMPTY_LINK_FORM);
    setErrors({});
  }

  return (
    <details class="link-form">
      <summary>Send a link</summary>
      <form ref={form} onSubmit={submit} noValidate>
        {LINK_FORM_FIELDS.map((field) => (
          <FormField
            key={field}
            id={`link-${field}`}
            {...FIELDS[field]}
            value={values[field]}
            error={errors[field]}
            onValue={(value) => setValues((v) => ({ ...v, [field]: value }))}
          />
        ))}
        <button type="submit" class="button button--primary">
          Send link
        </button>
      </form>
    </details>
  );
}
