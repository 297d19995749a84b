import { useConfirmStep } from '../hooks/use-confirm-step';

interface Props {
  keyName: string;
  busy: boolean;
  onRevoke(): void;
}

/** A key's Revoke button, asking first: systems using the key stop working at once, and it cannot be undone. */
export function RevokeKey({ keyName, busy, onRevoke }: Props) {
  const { confirming, setConfirming, opener, cancel } = useConfirmStep();

  if (!confirming) {
    return (
      <button ref={opener} type="button" class="button button--danger" aria-label={`Revoke ${keyName}`} disabled={busy} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  return (
    <div
      class="api-keys__confirm"
      role="group"
      aria-label={`Revoke ${keyName}?`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) setConfirming(false);
      }}
    >
      <p>Systems using this key stop working at once. This cannot be undone.</p>
      <div class="api-keys__confirm-actions">
        <button type="button" class="button button--danger" disabled={busy} onClick={onRevoke}>
          Yes, revoke
        </button>
        <button ref={cancel} type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
