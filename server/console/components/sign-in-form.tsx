import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AgentAccess } from '../api/agent-client';
import { ApiError, describeError } from '../api/api-error';


interface Props {
  /** Why the agent is here again (token refused, signed out), if that is why. */
  notice: string | null;
  verify(token: string): Promise<AgentAccess>;
  onSignedIn(token: string, access: AgentAccess): void;
}

export function SignInForm({ notice, verify, onSignedIn }: Props) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => input.current?.focus(), []);

  async function submit(event: Event) {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) {
      setError('Enter your agent token.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(candidate, await verify(candidate));
    } catch (failure) {
      setBusy(false);
      setError(
        failure instanceof ApiError && failure.status === 401 ? 'That token was not accepted.' : describeError(failure),
      );
      input.current?.focus();
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1>Direct Chat agent console</h1>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <form class="sign-in__form" onSubmit={submit} noValidate>
        <label for="agent-token">Agent token</label>
        <input
          id="agent-token"
          ref={input}
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          onInput={(e) => setToken(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'agent-token-hint agent-token-error' : 'agent-token-hint'}
        />
        <p id="agent-token-hint" class="hint">
          Kept in this browser tab only; closing the tab signs you out.
        </p>
        {error && (
          <p id="agent-token-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
