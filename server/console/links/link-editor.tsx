import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentChatLink, ChatLinkInput } from '../../links/agent-link-wire';
import type { FieldErrors } from '../../requests/link-request';
import { LINK_DESCRIPTION_MAX, LINK_NAME_MAX, LINK_USE_LIMIT_MAX } from '../../requests/link-request';
import { ApiError, describeError } from '../api/api-error';
import { LINK_FORM_FIELDS, agentTimeZone, emptyLinkForm, linkBodyFromForm, valuesFromLink, type LinkFormValues } from './link-form-values';
import { FieldFrame } from '../components/field-frame';
import { FormActions } from '../components/form-actions';
import { linkLocaleLabel } from './link-labels';

interface Props {
  appLocales: readonly LocaleCode[];
  /** Editing this link; absent: creating one. */
  link?: AgentChatLink;
  save(body: ChatLinkInput): Promise<AgentChatLink>;
  onSaved(link: AgentChatLink): void;
  onCancel(): void;
}

/** Create or edit a chat link: every field, each with its own message; the server's verdict lands on the field too. */
export function LinkEditor({ appLocales, link, save, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<LinkFormValues>(() => (link ? valuesFromLink(link) : emptyLinkForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);

  const focusFirstError = (found: FieldErrors) => {
    const first = LINK_FORM_FIELDS.find((field) => found[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#link-${first}`)?.focus();
  };

  async function submit(event: Event) {
    event.preventDefault();
    const checked = linkBodyFromForm(values, appLocales, link?.slug);
    setFormError(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      onSaved(await save(checked.body));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'slug_taken') {
        const found = { slug: describeError(error) };
        setErrors(found);
        focusFirstError(found);
      } else {
        setFormError(`The link was not saved. ${describeError(error)}`);
      }
    } finally {
      setSaving(false);
    }
  }

  const set = (field: keyof LinkFormValues) => (event: Event) =>
    setValues((v) => ({ ...v, [field]: (event.currentTarget as HTMLInputElement).value }));
  const zone = agentTimeZone();

  return (
    <section class="link-editor" aria-labelledby="link-editor-heading">
      <h2 id="link-editor-heading" tabIndex={-1} ref={heading}>
        {link ? `Edit “${link.name}”` : 'New link'}
      </h2>
      <form ref={form} onSubmit={submit} noValidate>
        <FieldFrame id="link-name" label="Name" hint="For your team only; visitors never see it." error={errors.name}>
          {(a11y) => <input {...a11y} type="text" value={values.name} maxLength={LINK_NAME_MAX} onInput={set('name')} required />}
        </FieldFrame>
        <FieldFrame id="link-description" label="Notes (optional)" error={errors.description}>
          {(a11y) => <textarea {...a11y} rows={2} value={values.description} maxLength={LINK_DESCRIPTION_MAX} onInput={set('description')} />}
        </FieldFrame>
        <FieldFrame
          id="link-locale"
          label="Language"
          hint="The chat opens in this language. With all languages, add lang=fr (or any code) to the link, otherwise the visitor's browser decides."
          error={errors.locale}
        >
          {(a11y) => (
            <select {...a11y} value={values.locale} onChange={set('locale')}>
              <option value="*">{linkLocaleLabel('*')}</option>
              {appLocales.map((code) => (
                <option key={code} value={code}>
                  {linkLocaleLabel(code)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <div class="link-editor__row">
          <FieldFrame id="link-activeFrom" label="Active from (optional)" hint={`Your time zone: ${zone}`} error={errors.activeFrom}>
            {(a11y) => <input {...a11y} type="datetime-local" value={values.activeFrom} onInput={set('activeFrom')} />}
          </FieldFrame>
          <FieldFrame id="link-expiresAt" label="Expires at (optional)" hint={`Your time zone: ${zone}`} error={errors.expiresAt}>
            {(a11y) => <input {...a11y} type="datetime-local" value={values.expiresAt} onInput={set('expiresAt')} />}
          </FieldFrame>
        </div>
        <FieldFrame
          id="link-slug"
          label={link ? 'Slug' : 'Slug (optional)'}
          hint={
            link
              ? 'Renaming keeps the old address working, so printed QR codes still open the chat.'
              : 'The end of the address: /c/your-slug. Leave empty for a generated one. Lower-case letters, digits and hyphens, 3 to 64.'
          }
          error={errors.slug}
        >
          {(a11y) => <input {...a11y} type="text" value={values.slug} maxLength={64} autocomplete="off" spellcheck={false} onInput={set('slug')} />}
        </FieldFrame>
        <FieldFrame
          id="link-perParticipantLimit"
          label="Conversations per person (optional)"
          hint="Counted when someone sends their first message, never when the link is opened. Empty: no limit."
          error={errors.perParticipantLimit}
        >
          {(a11y) => (
            <input {...a11y} type="number" inputMode="numeric" min={1} max={LINK_USE_LIMIT_MAX} step={1} value={values.perParticipantLimit} onInput={set('perParticipantLimit')} />
          )}
        </FieldFrame>
        <FormActions error={formError} saving={saving} submitLabel={link ? 'Save changes' : 'Create link'} onCancel={onCancel} class="link-editor__actions" />
      </form>
    </section>
  );
}
