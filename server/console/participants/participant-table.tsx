import type { AgentParticipant } from '../../participants/participant-wire';
import { formatFullTime } from '../text/format-time';
import { languageName } from '../text/language-names';

interface Props {
  participants: readonly AgentParticipant[];
}

const blank = <span class="participant-table__none">—</span>;

/** The participants found, newest first; every value the business sent is shown as text. */
export function ParticipantTable({ participants }: Props) {
  return (
    <div class="participant-table__scroll" tabIndex={0} aria-labelledby="participants-caption">
      <table class="participant-table">
        <caption id="participants-caption" class="visually-hidden">
          Participants, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">External id</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Language</th>
            <th scope="col">Subscribed</th>
            <th scope="col">Last chatted</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((participant) => (
            <tr key={participant.externalId}>
              <th scope="row">{participant.externalId}</th>
              <td>{participant.email ?? blank}</td>
              <td>{participant.phone ?? blank}</td>
              <td>{participant.locale ? languageName(participant.locale) : blank}</td>
              <td>
                {participant.subscribed ? (
                  <span class="badge badge--subscribed">Yes</span>
                ) : (
                  <span class="badge badge--unsubscribed">No</span>
                )}
              </td>
              <td>{participant.lastChattedAt ? formatFullTime(participant.lastChattedAt) : 'Never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
