import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError, describeError } from '../api/api-error';

interface Props {
  name: string;
  reset(): Promise<void>;
  onCancel(): void;
  onBusy(busy: boolean): void;
}

export function ResetConfirm({ name, reset, onCancel, onBusy }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => cancel.current?.focus(), []);

  async function confirm() {
    setBusy(true);
    onBusy(true);
    setError(null);
    try {
      await reset();
    } catch (failure) {
      setBusy(false);
      onBusy(false);
      if (failure instanceof ApiError && failure.status === 401) return;
      setError(describeError(failure));
      requestAnimationFrame(() => confirmButton.current?.focus());
    }
  }

  return (
    <div class="reset-confirm">
      <h2 id="account-dialog-title">
        Reset the token of <bdi>{name}</bdi>?
      </h2>
      <p>Their current token stops working at once. You will see the new one once, to hand over.</p>
      {error && (
        <p class="field-error" role="alert">
          Not reset: {error}
        </p>
      )}
      <div class="modal__actions">
        <button ref={confirmButton} type="button" class="button button--danger" onClick={confirm} disabled={busy}>
          {busy ? 'Resetting…' : 'Reset token'}
        </button>
        <button ref={cancel} type="button" class="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
