import { useEffect, useState } from 'preact/hooks';
import type { ApiKeyInfo } from '../../agent-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';
import { formatFullTime } from '../text/format-time';
import { FormField } from './form-field';

interface Props {
  client: AgentClient;
  appId: string;
}

/**
 * The app's API keys for the public deep-link API (owners and admins): create one (shown once, here, with a copy
 * button), see the others by name, revoke them.
 */
export function ApiKeysPanel({ client, appId }: Props) {
  const [keys, setKeys] = useState<ApiKeyInfo[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const [open, setOpen] = useState(false);
  const load = () =>
    client.listApiKeys(appId).then(
      ({ apiKeys }) => setKeys(apiKeys),
      (failure: unknown) => setError(describeError(failure)),
    );
  // Asked for only once the section is opened: most visits to the console never need the keys.
  useEffect(() => {
    if (open) void load();
  }, [appId, open]);

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    setError('');
    try {
      await work();
      await load();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  const create = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      const answer = await client.createApiKey(appId, name.trim() || 'API key');
      setCreated({ name: answer.apiKey.name, key: answer.key });
      setCopied(false);
      setName('');
    });
  };
  const copy = () => {
    if (!created) return;
    navigator.clipboard?.writeText(created.key).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <details class="api-keys" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>API keys for personal links</summary>
      <p class="hint">Your systems use a key to generate personal chat links (see the README's public API).</p>
      <form class="api-keys__form" onSubmit={create}>
        <FormField id="api-key-name" label="New key's name" value={name} maxLength={80} onValue={setName} />
        <button type="submit" class="button button--primary" disabled={busy}>
          Create key
        </button>
      </form>
      {created && (
        <div class="api-keys__created" role="status">
          <p>
            Key “<bdi>{created.name}</bdi>” created. Copy it now: it is not shown again.
          </p>
          <code class="api-keys__secret">{created.key}</code>
          <button type="button" class="button" onClick={copy}>
            {copied ? 'Copied' : 'Copy key'}
          </button>
        </div>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {keys && keys.length === 0 && <p class="definitions__empty">No keys yet.</p>}
      {keys && keys.length > 0 && (
        <ul class="api-keys__list">
          {keys.map((key) => (
            <li key={key.id} class="api-keys__item">
              <span>
                <bdi class="api-keys__name">{key.name}</bdi>
                <span class="api-keys__meta">
                  {key.revokedAt ? `Revoked ${formatFullTime(key.revokedAt)}` : `Created ${formatFullTime(key.createdAt)}`}
                </span>
              </span>
              {!key.revokedAt && (
                <button
                  type="button"
                  class="button button--danger"
                  aria-label={`Revoke ${key.name}`}
                  disabled={busy}
                  onClick={() => void act(() => client.revokeApiKey(appId, key.id))}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
