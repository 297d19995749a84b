import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentInvitation, ChannelReadiness, InvitationChannel, InvitationInput } from '../../invitations/invitation-wire';
import { describeError } from '../api/api-error';
import { FieldFrame } from '../components/field-frame';
import { FormActions } from '../components/form-actions';
import { agentTimeZone } from '../links/link-form-values';
import { languageName } from '../text/language-names';
import {
  emptyInvitationForm,
  fieldControlId,
  firstErrorField,
  invitationBodyFromForm,
  valuesFromInvitation,
  type InvitationFieldErrors,
  type InvitationFormValues,
} from './invitation-form-values';
import { MessageFields } from './message-fields';
import { serverFieldErrors } from './server-field-errors';
import { TargetFields } from './target-fields';

interface Props {
  appLocales: readonly LocaleCode[];
  channels?: Record<InvitationChannel, ChannelReadiness>;
  /** Editing this draft; absent: creating one. */
  invitation?: AgentInvitation;
  save(body: InvitationInput): Promise<AgentInvitation>;
  onSaved(invitation: AgentInvitation): void;
  onCancel(): void;
}

/** Create or edit a draft invitation. The engagement language comes first: the target and messages depend on it. */
export function InvitationEditor({ appLocales, channels, invitation, save, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<InvitationFormValues>(() => (invitation ? valuesFromInvitation(invitation) : emptyInvitationForm()));
  const [errors, setErrors] = useState<InvitationFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);

  const update = (patch: Partial<InvitationFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const showErrors = (found: InvitationFieldErrors) => {
    setErrors(found);
    const first = firstErrorField(found);
    // After the render that shows the fields (a message in another language may sit in a closed <details>).
    if (first) requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`#${fieldControlId(first)}`)?.focus());
  };

  async function submit(event: Event) {
    event.preventDefault();
    setFormError(null);
    const checked = invitationBodyFromForm(values);
    if (!checked.ok) return showErrors(checked.errors);
    setErrors({});
    setSaving(true);
    try {
      onSaved(await save(checked.body));
    } catch (error) {
      const found = serverFieldErrors(error);
      if (found) showErrors(found);
      setFormError(`The invitation was not saved. ${found ? 'See the fields marked below.' : describeError(error)}`);
    } finally {
      setSaving(false);
    }
  }

  const locale = values.locale || null;
  const zone = agentTimeZone();
  return (
    <section class="invitation-editor" aria-labelledby="invitation-editor-heading">
      <h2 id="invitation-editor-heading" tabIndex={-1} ref={heading}>
        {invitation ? `Edit “${invitation.name}”` : 'New invitation'}
      </h2>
      <form ref={form} onSubmit={submit} noValidate>
        <FieldFrame
          id="inv-locale"
          label="Engagement language"
          hint="Chosen first: the chat opens in this language, and it decides who can be targeted and which message is required."
          error={errors.locale}
        >
          {(a11y) => (
            <select {...a11y} value={values.locale} onChange={(e) => update({ locale: e.currentTarget.value as LocaleCode })}>
              <option value="" disabled>
                Choose a language…
              </option>
              {appLocales.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame id="inv-name" label="Name" hint="For your team only; recipients never see it." error={errors.name}>
          {(a11y) => <input {...a11y} type="text" value={values.name} maxLength={120} onInput={(e) => update({ name: e.currentTarget.value })} />}
        </FieldFrame>
        <FieldFrame id="inv-description" label="Notes (optional)" error={errors.description}>
          {(a11y) => <textarea {...a11y} rows={2} value={values.description} maxLength={2000} onInput={(e) => update({ description: e.currentTarget.value })} />}
        </FieldFrame>
        <div class="invitation-editor__row">
          <FieldFrame id="inv-opensAt" label="Sending starts" hint={`Your time zone: ${zone}`} error={errors.opensAt}>
            {(a11y) => <input {...a11y} type="datetime-local" value={values.opensAt} onInput={(e) => update({ opensAt: e.currentTarget.value })} />}
          </FieldFrame>
          <FieldFrame id="inv-closesAt" label="Closes" hint={`Your time zone: ${zone}`} error={errors.closesAt}>
            {(a11y) => <input {...a11y} type="datetime-local" value={values.closesAt} onInput={(e) => update({ closesAt: e.currentTarget.value })} />}
          </FieldFrame>
        </div>
        <FieldFrame
          id="inv-responseLimit"
          label="Response limit (optional)"
          hint="The invitation closes once this many people have started a conversation. Empty: no limit."
          error={errors.responseLimit}
        >
          {(a11y) => (
            <input {...a11y} type="number" inputMode="numeric" min={1} step={1} value={values.responseLimit} onInput={(e) => update({ responseLimit: e.currentTarget.value })} />
          )}
        </FieldFrame>
        {locale ? (
          <>
            <TargetFields values={values} locale={locale} errors={errors} update={update} />
            <MessageFields values={values} locale={locale} appLocales={appLocales} channels={channels} errors={errors} update={update} />
          </>
        ) : (
          <p class="notice invitation-editor__locked" id="inv-locked">
            Choose the engagement language above to choose who receives the invitation and write its message.
          </p>
        )}
        <FormActions error={formError} saving={saving} submitLabel={invitation ? 'Save changes' : 'Save draft'} onCancel={onCancel} class="invitation-editor__actions" />
      </form>
    </section>
  );
}
