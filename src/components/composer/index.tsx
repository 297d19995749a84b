import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_LENGTH } from '../../api/limits';
import { isSendKey } from '../../chat/composer-keys';
import { codePointLength } from '../../link/text-bounds';
import { useT } from '../../i18n/use-t';
import './style.css';

interface Props {
  initialDraft: string;
  onDraftChange(text: string): void;
  onSend(text: string): void;
}

export const COMPOSER_ID = 'composer-input';

export function focusComposer(): void {
  document.getElementById(COMPOSER_ID)?.focus();
}

export function Composer({ initialDraft, onDraftChange, onSend }: Props) {
  const { t } = useT();
  const [draft, setDraft] = useState(initialDraft);
  const input = useRef<HTMLTextAreaElement>(null);
  const over = codePointLength(draft) - MAX_MESSAGE_LENGTH;
  const canSend = draft.trim() !== '' && over <= 0;

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${Math.min(element.scrollHeight, 160)}px`;
  }, [draft]);

  const change = (text: string) => {
    setDraft(text);
    onDraftChange(text);
  };

  const submit = () => {
    if (!canSend) return;
    onSend(draft.trim());
    change('');
    input.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for={COMPOSER_ID} class="visually-hidden">
        {t('composer.label')}
      </label>
      <textarea
        id={COMPOSER_ID}
        ref={input}
        class="composer__input"
        rows={1}
        value={draft}
        placeholder={t('composer.placeholder')}
        aria-describedby="composer-hint composer-limit"
        aria-invalid={over > 0}
        enterkeyhint="send"
        onInput={(event) => change((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(event) => {
          if (!isSendKey(event)) return;
          event.preventDefault();
          submit();
        }}
      />
      <p id="composer-hint" class="visually-hidden">
        {t('composer.hint')}
      </p>
      <p id="composer-limit" class="composer__limit" aria-live="polite">
        {over > 0 ? t('composer.tooLong', { count: over }) : ''}
      </p>
      <button type="submit" class="composer__send" disabled={!canSend} aria-label={t('composer.send')}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12 2-12 2z" />
        </svg>
      </button>
    </form>
  );
}
