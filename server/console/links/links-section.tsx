import { useCallback } from 'preact/hooks';
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentChatLink } from '../../links/agent-link-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';
import { useSectionList } from '../hooks/use-section-list';
import { SectionListHead } from '../components/section-list-head';
import { LinkEditor } from './link-editor';
import { LinkSummary } from './link-summary';
import { LinkTable } from './link-table';

interface Props {
  client: AgentClient;
  appId: string;
  appLocales: readonly LocaleCode[];
}

type Panel = { kind: 'create' } | { kind: 'edit'; link: AgentChatLink } | { kind: 'summary'; linkId: string };

/** An app's chat links: the list, the form to create or edit one, and the summary of one. */
export function LinksSection({ client, appId, appLocales }: Props) {
  const load = useCallback(async () => (await client.listLinks(appId)).links, [client, appId]);
  const { list: links, loadError, reload, version, refresh, area, panel, setPanel, announcement, announce, close, changed } = useSectionList<
    AgentChatLink[],
    Panel
  >(load, 'data-link-id', 'links-heading');

  const toggleDisabled = async (linkId: string, disabled: boolean) => {
    try {
      const answer = disabled ? await client.disableLink(appId, linkId) : await client.updateLink(appId, linkId, { disabled: false });
      changed(disabled ? 'Link disabled.' : 'Link enabled.', { kind: 'summary', linkId: answer.link.id });
    } catch (error) {
      announce(`The link was not changed. ${describeError(error)}`);
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
          onRefresh={refresh}
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
          onSaved={(link) => changed('Link created.', { kind: 'summary', linkId: link.id })}
          onCancel={() => close('new')}
        />
      )}
      {panel.kind === 'edit' && (
        <LinkEditor
          key={panel.link.id}
          appLocales={appLocales}
          link={panel.link}
          save={async (body) => (await client.updateLink(appId, panel.link.id, body)).link}
          onSaved={(link) => changed('Changes saved.', { kind: 'summary', linkId: link.id })}
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
