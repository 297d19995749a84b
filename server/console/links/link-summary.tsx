import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatLinkDetailResponse } from '../../links/agent-link-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';
import { formatFullTime } from '../text/format-time';
import { EngagementTable } from './engagement-table';
import { LINK_STATE_LABELS, linkLocaleLabel } from './link-labels';
import { QrCode } from './qr-code';

interface Props {
  client: AgentClient;
  appId: string;
  linkId: string;
  /** Bumped by the section when the link changed, to reload. */
  version: number;
  onEdit(): void;
  onToggleDisabled(disabled: boolean): void;
  onClose(): void;
}

/** A side panel: the address with a copy button, the QR code with downloads, and engagement per day. */
export function LinkSummary({ client, appId, linkId, version, onEdit, onToggleDisabled, onClose }: Props) {
  const [detail, setDetail] = useState<ChatLinkDetailResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let active = true;
    client.getLink(appId, linkId).then(
      (answer) => active && setDetail(answer),
      (failure) => active && setError(describeError(failure)),
    );
    return () => {
      active = false;
    };
  }, [client, appId, linkId, version]);
  useLayoutEffect(() => heading.current?.focus(), [linkId, detail === null]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const link = detail?.link;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('Address copied.');
    } catch {
      setCopied('Could not copy: select the address and copy it yourself.');
    }
  };

  return (
    <aside class="link-summary" aria-labelledby="link-summary-heading">
      <div class="link-summary__head">
        <h2 id="link-summary-heading" tabIndex={-1} ref={heading}>
          {link ? link.name : 'Link'}
        </h2>
        <button type="button" class="button" onClick={onClose}>
          Close<span class="visually-hidden"> link summary</span>
        </button>
      </div>
      {error && (
        <p class="notice notice--error" role="alert">
          The link could not be loaded. {error}
        </p>
      )}
      {!link && !error && <p>Loading…</p>}
      {link && detail && (
        <>
          <p>
            <span class={`badge badge--link-${link.state}`}>{LINK_STATE_LABELS[link.state]}</span> {linkLocaleLabel(link.locale)}
            {link.perParticipantLimit !== undefined && ` · up to ${link.perParticipantLimit} per person`}
          </p>
          {link.description && <p class="link-summary__notes">{link.description}</p>}
          <div class="field">
            <label for="link-url">Address</label>
            <div class="link-summary__url">
              <input id="link-url" type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" class="button button--primary" onClick={() => void copy()}>
                Copy
              </button>
            </div>
            <p class="hint" role="status">
              {copied}
            </p>
          </div>
          <dl class="link-summary__times">
            <dt>Active from</dt>
            <dd>{link.activeFrom ? formatFullTime(link.activeFrom) : 'Now'}</dd>
            <dt>Expires</dt>
            <dd>{link.expiresAt ? formatFullTime(link.expiresAt) : 'Never'}</dd>
          </dl>
          <QrCode client={client} appId={appId} link={link} />
          <h3>Engagement</h3>
          <p>
            {link.totals.opens} opens · {link.totals.conversations} conversations · {link.totals.messages} messages
          </p>
          <EngagementTable days={detail.engagement} />
          <div class="link-summary__actions">
            <button type="button" class="button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" class={link.disabled ? 'button' : 'button button--danger'} onClick={() => onToggleDisabled(!link.disabled)}>
              {link.disabled ? 'Enable link' : 'Disable link'}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
