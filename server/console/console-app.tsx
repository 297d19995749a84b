// Signed out: the token form. Signed in: the console. A 401 from any call signs out with a message.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { createAgentClient, type AgentAccess } from './api/agent-client';
import { ApiError, describeError } from './api/api-error';
import { SignInForm } from './components/sign-in-form';
import { SignedInShell } from './components/signed-in-shell';
import { agentTokenSetting } from './storage/console-settings';

export const TOKEN_REFUSED_NOTICE = 'Your token is no longer accepted. Sign in again.';
export const SIGNED_OUT_NOTICE = 'You have signed out.';

export function ConsoleApp({ apiBase }: { apiBase: string }) {
  const [token, setToken] = useState<string | null>(() => agentTokenSetting.read());
  const [apps, setApps] = useState<AgentAccess | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [appsError, setAppsError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const signOut = useCallback((message: string) => {
    agentTokenSetting.clear();
    setToken(null);
    setApps(null);
    setNotice(message);
  }, []);

  const client = useMemo(
    () => (token ? createAgentClient({ apiBase, token, onUnauthorized: () => signOut(TOKEN_REFUSED_NOTICE) }) : null),
    [apiBase, token, signOut],
  );

  useEffect(() => {
    if (!client || apps) return;
    let active = true;
    setAppsError(null);
    client.access().then(
      (access) => active && setApps(access),
      (error) => active && !(error instanceof ApiError && error.status === 401) && setAppsError(describeError(error)),
    );
    return () => {
      active = false;
    };
  }, [client, apps, attempt]);

  if (!client) {
    return (
      <SignInForm
        notice={notice}
        verify={(candidate) => createAgentClient({ apiBase, token: candidate }).access()}
        onSignedIn={(signedInToken, signedInApps) => {
          agentTokenSetting.save(signedInToken);
          setApps(signedInApps);
          setToken(signedInToken);
          setNotice(null);
        }}
      />
    );
  }

  if (!apps) {
    return (
      <main id="main" class="loading">
        {appsError ? (
          <div class="notice notice--error" role="alert">
            <p>The console could not start. {appsError}</p>
            <button type="button" class="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        ) : (
          <p>Loading…</p>
        )}
      </main>
    );
  }

  return <SignedInShell client={client} apps={apps.apps} me={apps.me} onSignOut={() => signOut(SIGNED_OUT_NOTICE)} />;
}
