import type { OutboxItem } from '../hooks/use-outbox';

interface Props {
  items: OutboxItem[];
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

const STATE_LABELS: Record<OutboxItem['state'], string> = {
  sending: 'Sending…',
  retrying: 'No connection, retrying…',
  failed: 'Not sent',
};

export function OutboxList({ items, onRetry, onDiscard }: Props) {
  if (!items.length) return null;
  return (
    <ul class="outbox" aria-label="Outgoing messages">
      {items.map(({ request, state, error }) => (
        <li key={request.clientId} class={`outbox__item outbox__item--${state}`}>
          <span class="outbox__text">{request.kind === 'link' ? `Link: ${request.link.title}` : request.text}</span>
          <span class="outbox__state">
            {STATE_LABELS[state]}
            {error ? `: ${error}` : ''}
          </span>
          {state === 'failed' && (
            <span class="outbox__actions">
              <button type="button" class="button" onClick={() => onRetry(request.clientId)}>
                Retry
              </button>
              <button type="button" class="button" onClick={() => onDiscard(request.clientId)}>
                Discard
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
