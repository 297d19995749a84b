import { useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../../../src/api/limits';
import { useComposePreview, type PreviewLookup } from '../hooks/use-compose-preview';
import { PreviewCard } from './preview-card';

interface Props {
  onSend(text: string): void;
  onTyping(): void;
  notice: string | null;
  previewLookup: PreviewLookup;
}

export function ReplyBox({ onSend, onTyping, notice, previewLookup }: Props) {
  const [text, setText] = useState('');
  const preview = useComposePreview(text, previewLookup);

  function send() {
    const trimmed = text.trim();
    if (!trimmed) return;
    onSend(trimmed);
    setText('');
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.altKey || event.ctrlKey) return;
    event.preventDefault();
    send();
  }

  return (
    <form
      class="reply-box"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="reply-text">Reply</label>
      <textarea
        id="reply-text"
        rows={3}
        maxLength={MAX_MESSAGE_LENGTH}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onTyping();
        }}
        onKeyDown={onKeyDown}
        aria-describedby="reply-hint"
      />
      {preview && (
        <div class="reply-box__preview">
          <p class="hint">The visitor will see this preview:</p>
          <PreviewCard preview={preview} />
        </div>
      )}
      <div class="reply-box__row">
        <p id="reply-hint" class="hint">
          Enter sends; Shift+Enter starts a new line.
        </p>
        <button type="submit" class="button button--primary">
          Send
        </button>
      </div>
      <p class="reply-box__notice" role="status">
        {notice}
      </p>
    </form>
  );
}
