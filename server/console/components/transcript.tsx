import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '../../../src/api/wire';
import { oldestSeq, splitAtBaseline, type Transcript as TranscriptState } from '../state/transcript';
import { MessageItem } from './message-item';

interface Props {
  transcript: TranscriptState;
  loaded: boolean;
  loadingEarlier: boolean;
  onLoadEarlier(): void;
  onRemovePreview(message: Message): void;
}

const NEAR_BOTTOM_PX = 80;

// Messages present when the conversation opened (and earlier pages) are history; only those that arrive after
// are inside the role="log" live region, so a screen reader announces new messages and nothing else.
export function Transcript({ transcript, loaded, loadingEarlier, onLoadEarlier, onRemovePreview }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const before = useRef({ height: 0, top: 0, oldest: 0, pinned: true });
  const { history, fresh } = splitAtBaseline(transcript);
  const oldest = oldestSeq(transcript.messages);

  // Prepending earlier pages keeps the view where it was; new messages follow the bottom if the agent was there.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const previous = before.current;
    if (previous.oldest && oldest < previous.oldest) el.scrollTop = previous.top + (el.scrollHeight - previous.height);
    else if (previous.pinned) el.scrollTop = el.scrollHeight;
  }, [transcript.messages, oldest]);

  function remember() {
    const el = scroller.current;
    if (!el) return;
    before.current = {
      height: el.scrollHeight,
      top: el.scrollTop,
      oldest,
      pinned: el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX,
    };
  }

  return (
    <div class="transcript" ref={scroller} onScroll={remember} tabIndex={0} role="region" aria-label="Messages">
      {transcript.hasEarlier && (
        <button
          type="button"
          class="button transcript__earlier"
          onClick={() => {
            remember();
            onLoadEarlier();
          }}
          disabled={loadingEarlier}
        >
          {loadingEarlier ? 'Loading earlier messages…' : 'Load earlier messages'}
        </button>
      )}
      {!loaded && <p class="transcript__empty">Loading messages…</p>}
      {loaded && transcript.messages.length === 0 && <p class="transcript__empty">No messages yet.</p>}
      {history.length > 0 && (
        <ol class="transcript__list" aria-label="Earlier messages">
          {history.map((m) => (
            <MessageItem key={m.seq} message={m} onRemovePreview={onRemovePreview} />
          ))}
        </ol>
      )}
      <div role="log" aria-live="polite" aria-label="New messages" class="transcript__live">
        {fresh.length > 0 && (
          <ol class="transcript__list">
            {fresh.map((m) => (
              <MessageItem key={m.seq} message={m} onRemovePreview={onRemovePreview} />
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
