import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { describeError } from '../api/api-error';
import { ModalDialog } from '../components/modal-dialog';

interface Props {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busyLabel: string;
  danger?: boolean;
  act(): Promise<void>;
  onCancel(): void;
  /** The refusal in the agent's terms; describeError by default. */
  describe?(error: unknown): string;
}

/** A modal question before an action that cannot be undone (send, cancel); a refusal is said inside it. */
export function ConfirmAction({ title, children, confirmLabel, busyLabel, danger, act, onCancel, describe = describeError }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), []);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await act();
    } catch (failure) {
      setBusy(false);
      setError(describe(failure));
    }
  }

  return (
    <ModalDialog labelledBy="confirm-action-title" onClose={onCancel} busy={busy}>
      <h2 id="confirm-action-title">{title}</h2>
      {children}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="modal__actions">
        <button type="button" class={danger ? 'button button--danger' : 'button button--primary'} onClick={confirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button ref={cancel} type="button" class="button" onClick={onCancel} disabled={busy}>
          Back
        </button>
      </div>
    </ModalDialog>
  );
}
