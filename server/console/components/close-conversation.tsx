import { useState } from 'preact/hooks';
import { useConfirmStep } from '../hooks/use-confirm-step';
import type { Session } from '../../../src/api/wire';
import { ApiError, describeError } from '../api/api-error';

interface Props {
  close(): Promise<Session>;
  onClosed(session: Session): void;
}

export function CloseConversation({ close, onClosed }: Props) {
  const { confirming, setConfirming, opener, cancel } = useConfirmStep();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onClosed(await close());
    } catch (failure) {
      setBusy(false);
      if (!(failure instanceof ApiError && failure.status === 401)) setError(describeError(failure));
    }
  }

  if (!confirming) {
    return (
      <button ref={opener} type="button" class="button button--danger" onClick={() => setConfirming(true)}>
        Close conversation
      </button>
    );
  }

  return (
    <div
      class="close-confirm"
      role="group"
      aria-labelledby="close-confirm-question"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) setConfirming(false);
      }}
    >
      <p id="close-confirm-question">Close this conversation? The visitor will not be able to reply in it.</p>
      {error && (
        <p class="field-error" role="alert">
          Not closed: {error}
        </p>
      )}
      <div class="close-confirm__actions">
        <button type="button" class="button button--danger" onClick={confirm} disabled={busy}>
          {busy ? 'Closing…' : 'Yes, close it'}
        </button>
        <button ref={cancel} type="button" class="button" onClick={() => setConfirming(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
