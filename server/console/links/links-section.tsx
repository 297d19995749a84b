import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentChatLink } from '../../links/agent-link-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';
import { useFocusReturn } from '../hooks/use-focus-return';
import { SectionListHead } from '../components/section-list-head';
import { LinkEditor } from './link-editor';
import { LinkSummary } from './link-summary';
import { LinkTable } from './link-table';

interface Props {
  client: AgentClient;
  appId: string;
  appLocales: readonly LocaleCode[];
}

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; link: AgentChatLink } | { kind: 'summary'; linkId: string };

/** An app's chat links: the list, the form to create or edit one, and the summary of one. */
export function LinksSection({ client, appId, appLocales }: Props) {
  const [links, setLinks] = useState<AgentChatLink[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const area = useRef<HTMLElement>(null);

  const reload = useCallback(() => {
    setLoadError(null);
    client.listLinks(appId).then(
      (answer) => setLinks(answer.links),
      (error) => setLoadError(describeError(error)),
    );
  }, [client, appId]);
  useEffect(reload, [reload, version]);

  const returnFocusTo = useFocusReturn(area, panel.kind !== 'none', 'data-link-id', 'links-heading', links);

  const close = (focusId: string) => {
    returnFocusTo(focusId);
    setPanel({ kind: 'none' });
  };
  const saved = (link: AgentChatLink, message: string) => {
    setAnnouncement(message);
    setVersion((n) => n + 1);
    setPanel({ kind: 'summary', linkId: link.id });
  };
  const toggleDisabled = async (linkId: string, disabled: boolean) => {
    try {
      const answer = disabled ? await client.disableLink(appId, linkId) : await client.updateLink(appId, linkId, { disabled: false });
      saved(answer.link, disabled ? 'Link disabled.' : 'Link enabled.');
    } catch (error) {
      setAnnouncement(`The link was not changed. ${describeError(error)}`);
    }
  };

  return (
    <main id="main" class={`links${panel.kind !== 'none' ? ' links--panel' : ''}`} ref={area}>
      <section class="links__list" aria-labelledby="links-heading">
        <SectionListHead
          headingId="links-heading"
          title="Links"
          refreshes="links and counts"
          newLabel="New link"
          openerAttribute="data-link-id"
          hint="Share a short address or QR code that opens this app's chat, in a language you choose."
          loadError={loadError}
          onRefresh={() => setVersion((n) => n + 1)}
          onNew={() => setPanel({ kind: 'create' })}
          onRetry={reload}
        />
        {!links && !loadError && <p>Loading links…</p>}
        {links && links.length === 0 && <p>No links yet. Create one to share this chat.</p>}
        {links && links.length > 0 && <LinkTable links={links} onOpen={(linkId) => setPanel({ kind: 'summary', linkId })} />}
      </section>
      {panel.kind === 'create' && (
        <LinkEditor
          appLocales={appLocales}
          save={async (body) => (await client.createLink(appId, body)).link}
          onSaved={(link) => saved(link, 'Link created.')}
          onCancel={() => close('new')}
        />
      )}
      {panel.kind === 'edit' && (
        <LinkEditor
          key={panel.link.id}
          appLocales={appLocales}
          link={panel.link}
          save={async (body) => (await client.updateLink(appId, panel.link.id, body)).link}
          onSaved={(link) => saved(link, 'Changes saved.')}
          onCancel={() => setPanel({ kind: 'summary', linkId: panel.link.id })}
        />
      )}
      {panel.kind === 'summary' && (
        <LinkSummary
          key={panel.linkId}
          client={client}
          appId={appId}
          linkId={panel.linkId}
          version={version}
          onEdit={() => {
            const link = links?.find((candidate) => candidate.id === panel.linkId);
            if (link) setPanel({ kind: 'edit', link });
          }}
          onToggleDisabled={(disabled) => void toggleDisabled(panel.linkId, disabled)}
          onClose={() => close(panel.linkId)}
        />
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
