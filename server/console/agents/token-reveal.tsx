import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** Who the token signs in. */
  name: string;
  token: string;
  /** 'created' for a new account, 'reset' when it replaces a previous token. */
  reason: 'created' | 'reset';
  onDone(): void;
}

/** A personal token, shown this once (the server keeps only its hash), with a copy button. */
export function TokenReveal({ name, token, reason, onDone }: Props) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const field = useRef<HTMLInputElement>(null);

  // A layout effect: when the reset confirmation turns into this reveal, focus moves here before the browser paints,
  // never resting on the page in between (where Escape would not reach the dialog).
  useLayoutEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
      field.current?.focus();
      field.current?.select();
    }
  }

  return (
    <div class="token-reveal">
      <h2 id="account-dialog-title">{reason === 'created' ? 'Agent created' : 'New token made'}</h2>
      <p class="notice notice--warning">
        <strong>Store this token now: it is shown only this once.</strong> Hand it to <bdi>{name}</bdi> to sign in.
        {reason === 'reset' && ' Their previous token has stopped working.'}
      </p>
      <div class="field">
        <label for="new-agent-token">Personal token</label>
        <div class="token-reveal__row">
          <input
            id="new-agent-token"
            ref={field}
            type="text"
            readOnly
            value={token}
            spellcheck={false}
            autocomplete="off"
            class="token-reveal__token"
          />
          <button type="button" class="button" onClick={copy}>
            Copy
          </button>
        </div>
        <p class="hint" role="status">
          {copyState === 'copied' ? 'Copied to the clipboard.' : copyState === 'failed' ? 'Could not copy: the token is selected, copy it yourself.' : ''}
        </p>
      </div>
      <div class="modal__actions">
        <button type="button" class="button button--primary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
