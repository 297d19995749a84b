import { useState } from 'preact/hooks';
import type { InvitationPreview } from '../../invitations/invitation-wire';
import { ApiError, describeError } from '../api/api-error';

interface Props {
  preview(externalId: string): Promise<InvitationPreview>;
}

/** The message exactly as one real participant would receive it (their language, their attributes, a sample link). */
export function InvitationPreview({ preview }: Props) {
  const [externalId, setExternalId] = useState('');
  const [result, setResult] = useState<InvitationPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const id = externalId.trim();
    if (!id) return setError('Enter the external id of a participant.');
    setBusy(true);
    setError(null);
    try {
      setResult(await preview(id));
    } catch (failure) {
      setResult(null);
      setError(failure instanceof ApiError && failure.status === 404 ? `No participant has the external id “${id}”.` : describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="invitation-preview" onSubmit={submit} noValidate>
      <h3>Preview</h3>
      <div class="field">
        <label for="inv-preview-id">Preview for participant (external id)</label>
        <div class="invitation-preview__ask">
          <input
            id="inv-preview-id"
            type="text"
            value={externalId}
            autocomplete="off"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'inv-preview-error' : undefined}
            onInput={(e) => setExternalId(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Loading…' : 'Preview'}
          </button>
        </div>
        {error && (
          <p id="inv-preview-error" class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {result && (
        <figure class="invitation-preview__message" aria-label={`Message for ${externalId.trim()}`}>
          {result.subject !== undefined && (
            <p class="invitation-preview__subject">
              <strong>Subject:</strong> {result.subject}
            </p>
          )}
          <p class="invitation-preview__body">{result.body}</p>
        </figure>
      )}
    </form>
  );
}
