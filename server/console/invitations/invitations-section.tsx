import { useCallback } from 'preact/hooks';
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentInvitation, InvitationListResponse } from '../../invitations/invitation-wire';
import type { AgentClient } from '../api/agent-client';
import { useSectionList } from '../hooks/use-section-list';
import { SectionListHead } from '../components/section-list-head';
import { InvitationEditor } from './invitation-editor';
import { InvitationMonitor } from './invitation-monitor';
import { InvitationTable } from './invitation-table';

interface Props {
  client: AgentClient;
  appId: string;
  appLocales: readonly LocaleCode[];
}

type Panel = { kind: 'create' } | { kind: 'edit'; invitation: AgentInvitation } | { kind: 'monitor'; id: string };

/** An app's invitations: the list, the form for a draft, and the monitoring of one. */
export function InvitationsSection({ client, appId, appLocales }: Props) {
  const load = useCallback(() => client.listInvitations(appId), [client, appId]);
  const { list, loadError, reload, version, refresh, area, panel, setPanel, announcement, close, changed } = useSectionList<InvitationListResponse, Panel>(
    load,
    'data-invitation-id',
    'invitations-heading',
  );
  const invitations = list?.invitations;

  return (
    <main id="main" class={`links${panel.kind !== 'none' ? ' links--panel' : ''}`} ref={area}>
      <section class="links__list" aria-labelledby="invitations-heading">
        <SectionListHead
          headingId="invitations-heading"
          title="Invitations"
          refreshes="invitations and counts"
          newLabel="New invitation"
          openerAttribute="data-invitation-id"
          hint="Send this app's chat to your participants by email or SMS, each with a personal link."
          loadError={loadError}
          onRefresh={refresh}
          onNew={() => setPanel({ kind: 'create' })}
          onRetry={reload}
        />
        {!list && !loadError && <p>Loading invitations…</p>}
        {invitations && invitations.length === 0 && <p>No invitations yet. Create one to reach your participants.</p>}
        {invitations && invitations.length > 0 && <InvitationTable invitations={invitations} onOpen={(id) => setPanel({ kind: 'monitor', id })} />}
      </section>
      {(panel.kind === 'create' || panel.kind === 'edit') && (
        <InvitationEditor
          key={panel.kind === 'edit' ? panel.invitation.id : 'new'}
          appLocales={appLocales}
          channels={list?.channels}
          invitation={panel.kind === 'edit' ? panel.invitation : undefined}
          save={async (body) =>
            (panel.kind === 'edit' ? await client.updateInvitation(appId, panel.invitation.id, body) : await client.createInvitation(appId, body)).invitation
          }
          onSaved={(invitation) => changed(panel.kind === 'edit' ? 'Changes saved.' : 'Draft saved. Preview it, then send it.', { kind: 'monitor', id: invitation.id })}
          onCancel={() => (panel.kind === 'edit' ? setPanel({ kind: 'monitor', id: panel.invitation.id }) : close('new'))}
        />
      )}
      {panel.kind === 'monitor' && (
        <InvitationMonitor
          key={panel.id}
          client={client}
          appId={appId}
          invitationId={panel.id}
          channels={list?.channels}
          version={version}
          onEdit={(invitation) => setPanel({ kind: 'edit', invitation })}
          onChanged={(invitation, message) => changed(message, { kind: 'monitor', id: invitation.id })}
          onClose={() => close(panel.id)}
        />
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
