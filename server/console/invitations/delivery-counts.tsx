import type { InvitationCounts } from '../../invitations/invitation-wire';

const SHOWN: [keyof InvitationCounts, string][] = [
  ['audience', 'Audience'],
  ['queued', 'Queued'],
  ['sent', 'Sent'],
  ['failed', 'Failed'],
  ['bounced', 'Bounced'],
  ['unknown', 'Outcome unknown'],
  ['opened', 'Opened'],
  ['responded', 'Responded'],
  ['skipped', 'Skipped'],
];

/** The delivery steps as a row of figures; "outcome unknown" only when a crash left some (they are never re-sent). */
export function DeliveryCounts({ counts }: { counts: InvitationCounts }) {
  return (
    <dl class="delivery-counts">
      {SHOWN.filter(([key]) => key !== 'unknown' || counts.unknown > 0).map(([key, label]) => (
        <div key={key} class={`delivery-counts__item delivery-counts__item--${key}`}>
          <dt>{label}</dt>
          <dd>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
