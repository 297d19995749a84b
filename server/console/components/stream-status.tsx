import type { StreamStatus as Status } from '../api/event-stream';

const LABELS: Record<Status, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
  stopped: 'Live updates stopped',
};

export function StreamStatus({ status }: { status: Status }) {
  return (
    <p class={`stream-status stream-status--${status}`} role="status">
      <span class="stream-status__dot" aria-hidden="true" />
      {LABELS[status]}
    </p>
  );
}
