import type { AgentSessionSummary } from '../../agent-wire';
import type { SessionFilter } from '../api/agent-paths';
import type { StreamStatus as Status } from '../api/event-stream';
import { awaitsReply } from '../state/session-list';
import { formatFullTime, formatShortTime } from '../text/format-time';
import { visitorLabel } from '../text/visitor-label';
import { StreamStatus } from './stream-status';
import { LoadMore } from './load-more';

interface Props {
  sessions: AgentSessionSummary[];
  filter: SessionFilter;
  onFilter(filter: SessionFilter): void;
  selectedId: string | null;
  onSelect(sessionId: string): void;
  loaded: boolean;
  loadError: string | null;
  onReload(): void;
  streamStatus: Status;
  hasMore: boolean;
  onLoadMore(): void;
}

function preview(summary: AgentSessionSummary): string {
  const last = summary.lastMessage;
  if (!last) return 'No messages yet';
  const who = last.author.role === 'agent' ? 'You: ' : '';
  if (last.kind === 'link') return `${who}Link: ${last.link?.title ?? ''}`;
  return `${who}${last.text ?? ''}`;
}

export function SessionList(props: Props) {
  const { sessions, filter, selectedId, loaded, loadError } = props;
  return (
    <section class="session-list" aria-labelledby="conversations-heading">
      <div class="session-list__head">
        <h2 id="conversations-heading" tabIndex={-1}>
          Conversations
        </h2>
        <StreamStatus status={props.streamStatus} />
      </div>
      <div class="session-list__filter">
        <label for="session-filter">Show</label>
        <select
          id="session-filter"
          value={filter}
          onChange={(e) => props.onFilter(e.currentTarget.value as SessionFilter)}
        >
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <option value="all">All</option>
        </select>
      </div>
      {loadError && (
        <div class="notice notice--error" role="alert">
          <p>Conversations could not be loaded. {loadError}</p>
          <button type="button" class="button" onClick={props.onReload}>
            Try again
          </button>
        </div>
      )}
      {!loaded && !loadError && <p class="session-list__empty">Loading conversations…</p>}
      {loaded && sessions.length === 0 && <p class="session-list__empty">No conversations here.</p>}
      {sessions.length > 0 && (
        <ul class="session-list__items">
          {sessions.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class="session-item"
                data-session-id={s.id}
                aria-current={s.id === selectedId ? 'true' : undefined}
                onClick={() => props.onSelect(s.id)}
              >
                <span class="session-item__top">
                  <span class="session-item__name">{visitorLabel(s.visitor)}</span>
                  {/* Names come unsigned from the link, even beside a verified id. */}
                  {s.visitor.displayName?.trim() && <span class="session-item__claim">(claimed name)</span>}
                  <time class="session-item__time" dateTime={s.updatedAt} title={formatFullTime(s.updatedAt)}>
                    {formatShortTime(s.updatedAt)}
                  </time>
                </span>
                <span class="session-item__preview">{preview(s)}</span>
                <span class="session-item__badges">
                  {s.visitor.verified && <span class="badge badge--verified">Verified</span>}
                  {awaitsReply(s) && <span class="badge badge--waiting">Awaiting reply</span>}
                  {s.status === 'closed' && <span class="badge badge--closed">Closed</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {loaded && props.hasMore && <LoadMore onLoadMore={props.onLoadMore} />}
    </section>
  );
}
