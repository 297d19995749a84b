import type { EngagementDay } from '../../links/agent-link-wire';

const dayFormat = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Opens, conversations started and messages per UTC day, newest first. */
export function EngagementTable({ days }: { days: EngagementDay[] }) {
  if (days.length === 0) return <p class="hint">No activity yet.</p>;
  return (
    <table class="link-table link-table--compact">
      <caption class="visually-hidden">Engagement per day (UTC)</caption>
      <thead>
        <tr>
          <th scope="col">Day (UTC)</th>
          <th scope="col" class="link-table__count">Opens</th>
          <th scope="col" class="link-table__count">Conversations</th>
          <th scope="col" class="link-table__count">Messages</th>
        </tr>
      </thead>
      <tbody>
        {[...days].reverse().map((day) => (
          <tr key={day.day}>
            <th scope="row">
              <time dateTime={day.day}>{dayFormat.format(new Date(`${day.day}T00:00:00Z`))}</time>
            </th>
            <td class="link-table__count">{day.opens}</td>
            <td class="link-table__count">{day.conversations}</td>
            <td class="link-table__count">{day.messages}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
