import type { Message } from '../../../src/api/wire';
import { formatFullTime, formatShortTime } from '../text/format-time';
import { LinkCard } from './link-card';
import { LinkifiedText } from './linkified-text';
import { PreviewCard } from './preview-card';

function authorLabel(author: Message['author']): string {
  const name = author.name?.trim();
  switch (author.role) {
    case 'agent':
      return name ? `${name} (agent)` : 'Agent';
    case 'system':
      return 'System';
    default:
      return name ? `${name} (visitor)` : 'Visitor';
  }
}

interface Props {
  message: Message;
  onRemovePreview(message: Message): void;
}

export function MessageItem({ message, onRemovePreview }: Props) {
  return (
    <li class={`message message--${message.author.role}`}>
      <p class="message__meta">
        <span class="message__author">{authorLabel(message.author)}</span>{' '}
        <time dateTime={message.createdAt} title={formatFullTime(message.createdAt)}>
          {formatShortTime(message.createdAt)}
        </time>
      </p>
      {message.kind === 'link' && message.link ? (
        <LinkCard link={message.link} />
      ) : (
        <p class="message__text">
          <LinkifiedText text={message.text ?? ''} />
        </p>
      )}
      {message.kind === 'text' && message.preview && (
        <>
          <PreviewCard preview={message.preview} />
          <button type="button" class="button message__remove-preview" onClick={() => onRemovePreview(message)}>
            Remove preview
          </button>
        </>
      )}
    </li>
  );
}
