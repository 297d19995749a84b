import type { AgentInvitation } from '../../invitations/invitation-wire';
import { formatShortTime } from '../text/format-time';
import { languageName } from '../text/language-names';
import { CHANNEL_LABELS, CLOSED_REASONS, INVITATION_STATUS_LABELS } from './invitation-labels';

interface Props {
  invitations: AgentInvitation[];
  onOpen(id: string): void;
}

export function InvitationTable({ invitations, onOpen }: Props) {
  return (
    <div class="link-table__scroll">
      <table class="link-table">
        <caption class="visually-hidden">Invitations, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Language</th>
            <th scope="col">Window</th>
            <th scope="col" class="link-table__count">Sent</th>
            <th scope="col" class="link-table__count">Opened</th>
            <th scope="col" class="link-table__count">Responded</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row">
                <button type="button" class="link-table__open" data-invitation-id={invitation.id} onClick={() => onOpen(invitation.id)}>
                  {invitation.name}
                </button>
                <span class="link-table__slug">{CHANNEL_LABELS[invitation.channel]}</span>
              </th>
              <td>
                <span class={`badge badge--invitation-${invitation.status}`}>{INVITATION_STATUS_LABELS[invitation.status]}</span>
                {invitation.closedReason && <span class="invitation-table__reason">{CLOSED_REASONS[invitation.closedReason]}</span>}
              </td>
              <td>{languageName(invitation.locale)}</td>
              <td class="invitation-table__window">
                <span>{formatShortTime(invitation.opensAt)} –</span>
                <span>{formatShortTime(invitation.closesAt)}</span>
              </td>
              <td class="link-table__count">{invitation.counts.sent}</td>
              <td class="link-table__count">{invitation.counts.opened}</td>
              <td class="link-table__count">
                {invitation.counts.responded}
                {invitation.responseLimit != null && <span class="link-table__slug">of {invitation.responseLimit}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
