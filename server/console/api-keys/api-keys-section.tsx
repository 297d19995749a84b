import { useEffect, useState } from 'preact/hooks';
import type { ApiKeyInfo } from '../../agent-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';
import { FormField } from '../components/form-field';
import { formatFullTime } from '../text/format-time';
import { RevokeKey } from './revoke-key';

interface Props {
  client: AgentClient;
  appId: string;
}

/**
 * The app's API keys for the public deep-link API (owners and admins): create one (shown once, here, with a copy
 * button), see the others by name, revoke them.
 */
export function ApiKeysSection({ client, appId }: Props) {
  const [keys, setKeys] = useState<ApiKeyInfo[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const load = () =>
    client.listApiKeys(appId).then(
      ({ apiKeys }) => {
        setKeys(apiKeys);
        setLoadError('');
      },
      (failure: unknown) => setLoadError(describeError(failure)),
    );
  useEffect(() => void load(), [client, appId]);

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
  const revoke = (key: ApiKeyInfo) =>
    void act(async () => {
      await client.revokeApiKey(appId, key.id);
      setAnnouncement(`Key ${key.name} revoked.`);
    });

  return (
    <main id="main" class="api-keys">
      <section class="api-keys__panel" aria-labelledby="api-keys-heading">
        <h2 id="api-keys-heading" tabIndex={-1}>
          API keys
        </h2>
        <p class="hint">
          Your systems use a key to turn your customers' data into personal chat links (see the README's public API). A
          key is shown once, when it is created: keep it in your secret store.
        </p>
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
      </section>
      <section class="api-keys__panel" aria-labelledby="api-keys-list-heading">
        <h3 id="api-keys-list-heading">Keys</h3>
        {loadError && (
          <div class="notice notice--error" role="alert">
            <p>Keys could not be loaded. {loadError}</p>
            <button type="button" class="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        )}
        {!keys && !loadError && <p>Loading keys…</p>}
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
                {!key.revokedAt && <RevokeKey keyName={key.name} busy={busy} onRevoke={() => revoke(key)} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
