import type { AgentRecipient, SkipReason } from '../../invitations/invitation-wire';
import { formatFullTime, formatShortTime } from '../text/format-time';
import { languageName } from '../text/language-names';
import { RECIPIENT_STATUS_LABELS, SKIP_REASON_LABELS } from './invitation-labels';

const EVENT_LABELS: Record<string, string> = {
  queued: 'Queued',
  sending: 'Handed to the provider',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed',
  bounced: 'Bounced',
  unknown: 'Outcome unknown after a restart (not re-sent)',
  skipped: 'Skipped',
  opened: 'Opened the link',
  responded: 'Started a conversation',
  unsubscribed: 'Unsubscribed',
};

function eventLabel(event: string): string {
  const skipped = /^skipped: (\w+)$/.exec(event)?.[1];
  if (skipped && Object.hasOwn(SKIP_REASON_LABELS, skipped)) return `Skipped: ${SKIP_REASON_LABELS[skipped as SkipReason]}`;
  return EVENT_LABELS[event] ?? event;
}

/** Who was skipped and why: nobody is left out without a reason. */
export function SkippedList({ recipients }: { recipients: AgentRecipient[] }) {
  const skipped = recipients.filter((r) => r.status === 'skipped');
  if (skipped.length === 0) return null;
  return (
    <>
      <h3>Skipped</h3>
      <ul class="skipped-list">
        {skipped.map((r) => (
          <li key={r.externalId}>
            <bdi>{r.externalId}</bdi>: {r.skipReason ? SKIP_REASON_LABELS[r.skipReason] : 'No reason given'}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every recipient that was sent to (or tried), each with a timeline that opens on demand. */
export function RecipientList({ recipients }: { recipients: AgentRecipient[] }) {
  const reached = recipients.filter((r) => r.status !== 'skipped');
  if (reached.length === 0) return <p class="hint">No recipients yet: the audience is chosen when you send.</p>;
  return (
    <ul class="recipient-list">
      {reached.map((r) => (
        <li key={r.externalId} class="recipient">
          <details>
            <summary>
              <span class="recipient__who">
                <bdi>{r.externalId}</bdi> <span class="recipient__address">{r.address ?? 'no address'}</span>
              </span>
              <span class={`badge badge--recipient-${r.status}`}>{RECIPIENT_STATUS_LABELS[r.status]}</span>
              {r.respondedAt ? <span class="recipient__flag">Responded</span> : r.openedAt ? <span class="recipient__flag">Opened</span> : null}
            </summary>
            <p class="hint">
              {languageName(r.locale)}
              {r.error && <> · {r.error}</>}
            </p>
            <ol class="recipient__timeline" aria-label={`Timeline of ${r.externalId}`}>
              {r.timeline.map((step, index) => (
                <li key={index}>
                  <time dateTime={step.at} title={formatFullTime(step.at)}>
                    {formatShortTime(step.at)}
                  </time>{' '}
                  {eventLabel(step.event)}
                </li>
              ))}
            </ol>
          </details>
        </li>
      ))}
    </ul>
  );
}
