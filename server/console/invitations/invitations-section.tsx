import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LocaleCode } from '../../../src/api/wire';
import type { AgentInvitation, InvitationListResponse } from '../../invitations/invitation-wire';
import type { AgentClient } from '../api/agent-client';
import { describeError } from '../api/api-error';
import { useFocusReturn } from '../hooks/use-focus-return';
import { SectionListHead } from '../components/section-list-head';
import { InvitationEditor } from './invitation-editor';
import { InvitationMonitor } from './invitation-monitor';
import { InvitationTable } from './invitation-table';

interface Props {
  client: AgentClient;
  appId: string;
  appLocales: readonly LocaleCode[];
}

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; invitation: AgentInvitation } | { kind: 'monitor'; id: string };

/** An app's invitations: the list, the form for a draft, and the monitoring of one. */
export function InvitationsSection({ client, appId, appLocales }: Props) {
  const [list, setList] = useState<InvitationListResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const area = useRef<HTMLElement>(null);

  const reload = useCallback(() => {
    setLoadError(null);
    client.listInvitations(appId).then(setList, (error) => setLoadError(describeError(error)));
  }, [client, appId]);
  useEffect(reload, [reload, version]);

  const returnFocusTo = useFocusReturn(area, panel.kind !== 'none', 'data-invitation-id', 'invitations-heading', list);

  const close = (focusId: string) => {
    returnFocusTo(focusId);
    setPanel({ kind: 'none' });
  };
  const changed = (invitation: AgentInvitation, message: string) => {
    setAnnouncement(message);
    setVersion((n) => n + 1);
    setPanel({ kind: 'monitor', id: invitation.id });
  };
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
          onRefresh={() => setVersion((n) => n + 1)}
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
          onSaved={(invitation) => changed(invitation, panel.kind === 'edit' ? 'Changes saved.' : 'Draft saved. Preview it, then send it.')}
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
          onChanged={changed}
          onClose={() => close(panel.id)}
        />
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </main>
  );
}
