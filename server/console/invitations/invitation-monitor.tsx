import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AgentInvitation, ChannelReadiness, InvitationChannel } from '../../invitations/invitation-wire';
import type { AgentClient } from '../api/agent-client';
import { ApiError, describeError } from '../api/api-error';
import { formatFullTime } from '../text/format-time';
import { languageName } from '../text/language-names';
import { ChannelMissing } from './channel-missing';
import { ConfirmAction } from './confirm-action';
import { DeliveryCounts } from './delivery-counts';
import { CHANNEL_LABELS, describeAudience, statusText } from './invitation-labels';
import { InvitationPreview } from './invitation-preview';
import { RecipientList, SkippedList } from './recipient-list';
import { useInvitationDetail } from './use-invitation-detail';

interface Props {
  client: AgentClient;
  appId: string;
  invitationId: string;
  channels?: Record<InvitationChannel, ChannelReadiness>;
  /** Bumped by the section when the invitation changed, to reload. */
  version: number;
  onEdit(invitation: AgentInvitation): void;
  onChanged(invitation: AgentInvitation, announcement: string): void;
  onClose(): void;
}

type Asking = 'send' | 'cancel' | null;

function describeSendRefusal(error: unknown, channel: InvitationChannel): string {
  if (error instanceof ApiError && /not_configured/.test(error.code)) return `${CHANNEL_LABELS[channel]} is not set up on this server: see the note above.`;
  return describeError(error);
}

/** One invitation: what it is, its delivery counts (re-read while sending), who was skipped, each recipient's timeline. */
export function InvitationMonitor({ client, appId, invitationId, channels, version, onEdit, onChanged, onClose }: Props) {
  const { detail, error, live, refresh, loadMore } = useInvitationDetail(client, appId, invitationId, version);
  const [asking, setAsking] = useState<Asking>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [invitationId, detail === null]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !asking && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, asking]);

  const invitation = detail?.invitation;
  const channelState = invitation && channels?.[invitation.channel];
  const cancellable = invitation && ['draft', 'scheduled', 'sending'].includes(invitation.status);

  return (
    <aside class="invitation-monitor" aria-labelledby="invitation-monitor-heading">
      <div class="link-summary__head">
        <h2 id="invitation-monitor-heading" tabIndex={-1} ref={heading}>
          {invitation ? invitation.name : 'Invitation'}
        </h2>
        <div class="links__tools">
          <button type="button" class="button" onClick={refresh}>
            Refresh<span class="visually-hidden"> invitation</span>
          </button>
          <button type="button" class="button" onClick={onClose}>
            Close<span class="visually-hidden"> invitation</span>
          </button>
        </div>
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          The invitation could not be loaded. {error}
        </p>
      )}
      {!invitation && !error && <p>Loading…</p>}
      {invitation && detail && (
        <>
          <p>
            <span class={`badge badge--invitation-${invitation.status}`}>{statusText(invitation)}</span> {CHANNEL_LABELS[invitation.channel]} in{' '}
            {languageName(invitation.locale)}
            {live && <span class="hint"> · updating every few seconds</span>}
          </p>
          {invitation.description && <p class="link-summary__notes">{invitation.description}</p>}
          <dl class="link-summary__times">
            <dt>Window</dt>
            <dd>
              {formatFullTime(invitation.opensAt)} – {formatFullTime(invitation.closesAt)}
            </dd>
            <dt>Audience</dt>
            <dd>{describeAudience(invitation)}</dd>
            {invitation.seed && (
              <>
                <dt>Sample seed</dt>
                <dd>
                  <code>{invitation.seed}</code>
                </dd>
              </>
            )}
            <dt>Response limit</dt>
            <dd>{invitation.responseLimit ?? 'None'}</dd>
          </dl>
          {invitation.status === 'draft' && channelState && !channelState.configured && <ChannelMissing channel={invitation.channel} state={channelState} />}
          <h3>Delivery</h3>
          <DeliveryCounts counts={detail.counts} />
          <SkippedList recipients={detail.recipients} />
          <h3>Recipients</h3>
          <RecipientList recipients={detail.recipients} />
          {detail.next && (
            <button type="button" class="button" onClick={() => void loadMore()}>
              Load more recipients
            </button>
          )}
          {invitation.status === 'draft' && <InvitationPreview preview={(externalId) => client.previewInvitation(appId, invitation.id, externalId)} />}
          <div class="link-summary__actions">
            {invitation.status === 'draft' && (
              <>
                <button type="button" class="button button--primary" onClick={() => setAsking('send')}>
                  Send…
                </button>
                <button type="button" class="button" onClick={() => onEdit(invitation)}>
                  Edit
                </button>
              </>
            )}
            {cancellable && (
              <button type="button" class="button button--danger" onClick={() => setAsking('cancel')}>
                Cancel invitation…
              </button>
            )}
          </div>
        </>
      )}
      {asking === 'send' && invitation && (
        <ConfirmAction
          title={`Send “${invitation.name}”?`}
          confirmLabel={`Send by ${invitation.channel === 'sms' ? 'SMS' : 'email'}`}
          busyLabel="Sending…"
          describe={(failure) => describeSendRefusal(failure, invitation.channel)}
          act={async () => {
            const answer = await client.sendInvitation(appId, invitation.id);
            setAsking(null);
            onChanged(answer.invitation, 'Sending started.');
          }}
          onCancel={() => setAsking(null)}
        >
          <p>
            To: {describeAudience(invitation)}. The audience is fixed now; each person receives one {CHANNEL_LABELS[invitation.channel]} with their own
            link, from {formatFullTime(invitation.opensAt)}.
          </p>
        </ConfirmAction>
      )}
      {asking === 'cancel' && invitation && (
        <ConfirmAction
          title={`Cancel “${invitation.name}”?`}
          confirmLabel="Cancel invitation"
          busyLabel="Cancelling…"
          danger
          act={async () => {
            const answer = await client.cancelInvitation(appId, invitation.id);
            setAsking(null);
            onChanged(answer.invitation, 'Invitation cancelled.');
          }}
          onCancel={() => setAsking(null)}
        >
          <p>Nothing more is sent, and links already sent open the “invitation has closed” screen. Conversations already started go on.</p>
        </ConfirmAction>
      )}
    </aside>
  );
}
