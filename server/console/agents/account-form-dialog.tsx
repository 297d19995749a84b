import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { IDENTITY_LIMITS } from '../../../src/api/limits';
import type { AgentAppsResponse, AgentRole } from '../../agent-wire';
import { ApiError, describeError } from '../api/api-error';
import { FormField } from '../components/form-field';
import { fieldErrorOf, grantableRoles, ROLE_LABELS, type AccountField, type AccountFormValues } from './account-form';

interface Props {
  /** Present when changing an account: its name is fixed. */
  editing?: { name: string };
  initial: AccountFormValues;
  apps: AgentAppsResponse['apps'];
  actorRole: AgentRole;
  /** Sends the form; a refusal is thrown and shown here. */
  submit(values: AccountFormValues): Promise<void>;
  onCancel(): void;
  onBusy(busy: boolean): void;
}

const NAME_MAX = 40;
const DISPLAY_NAME_MAX = IDENTITY_LIMITS.name;

export function AccountFormDialog({ editing, initial, apps, actorRole, submit, onCancel, onBusy }: Props) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<AccountField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const heading = editing ? `Change ${editing.name}` : 'New agent';

  useLayoutEffect(() => form.current?.querySelector<HTMLElement>('input, select')?.focus(), []);

  const set = (change: Partial<AccountFormValues>) => setValues((current) => ({ ...current, ...change }));

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    onBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await submit(values);
    } catch (failure) {
      setBusy(false);
      onBusy(false);
      if (failure instanceof ApiError && failure.status === 401) return;
      const fieldError = fieldErrorOf(failure);
      if (fieldError) {
        setErrors({ [fieldError.field]: fieldError.message });
        requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else {
        setFormError(failure instanceof ApiError && failure.status === 403 ? `${failure.message}.` : describeError(failure));
        requestAnimationFrame(() => submitButton.current?.focus());
      }
    }
  }

  const roles = grantableRoles(actorRole);
  const ownerRole = values.role === 'owner';

  return (
    <form ref={form} class="account-form" onSubmit={send} noValidate>
      <h2 id="account-dialog-title">{heading}</h2>
      {!editing && (
        <FormField id="account-name" label="Sign-in name" value={values.name} maxLength={NAME_MAX} error={errors.name} onValue={(name) => set({ name })} />
      )}
      {!editing && (
        <p class="hint account-form__hint">2 to 40 characters: a–z, 0–9, dot, underscore or hyphen. It cannot be changed later.</p>
      )}
      <FormField
        id="account-display-name"
        label="Name shown to visitors"
        value={values.displayName}
        maxLength={DISPLAY_NAME_MAX}
        error={errors.displayName}
        onValue={(displayName) => set({ displayName })}
      />
      <div class="field">
        <label for="account-role">Role</label>
        <select
          id="account-role"
          value={values.role}
          onChange={(e) => set({ role: e.currentTarget.value as AgentRole })}
          aria-invalid={errors.role ? 'true' : undefined}
          aria-describedby={`account-role-hint${errors.role ? ' account-role-error' : ''}`}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <p id="account-role-hint" class="hint">
          Agents answer conversations. Admins also manage the agents of their apps. Owners manage everything.
        </p>
        {errors.role && (
          <p id="account-role-error" class="field-error">
            {errors.role}
          </p>
        )}
      </div>
      <fieldset class="account-form__apps" disabled={ownerRole} aria-describedby={errors.apps ? 'account-apps-error' : undefined}>
        <legend>Apps</legend>
        {ownerRole ? (
          <p class="hint">Owners work in every app.</p>
        ) : (
          apps.map((app) => (
            <label key={app.appId} class="account-form__app">
              <input
                type="checkbox"
                checked={values.apps.includes(app.appId)}
                onChange={(e) =>
                  set({ apps: e.currentTarget.checked ? [...values.apps, app.appId] : values.apps.filter((id) => id !== app.appId) })
                }
              />
              <span>
                {app.name} <span class="account-form__app-id">{app.appId}</span>
              </span>
            </label>
          ))
        )}
        {errors.apps && (
          <p id="account-apps-error" class="field-error" role="alert">
            {errors.apps}
          </p>
        )}
      </fieldset>
      {formError && (
        <p class="field-error" role="alert">
          Not saved: {formError}
        </p>
      )}
      <div class="modal__actions">
        <button ref={submitButton} type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Create agent'}
        </button>
        <button type="button" class="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
