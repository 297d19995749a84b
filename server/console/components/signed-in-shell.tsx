import { useState } from 'preact/hooks';
import type { AgentAppsResponse } from '../../agent-wire';
import type { AgentAccess, AgentClient } from '../api/agent-client';
import { agentNameSetting, chosenAppSetting } from '../storage/console-settings';
import { AgentsSection } from '../agents/agents-section';
import { mayManageAgents } from '../agents/account-form';
import { AppPicker } from './app-picker';
import { ConsoleHeader } from './console-header';
import { SectionNav, type ConsoleSection } from './section-nav';
import { Workspace } from './workspace';
import { LinksSection } from '../links/links-section';
import { InvitationsSection } from '../invitations/invitations-section';
import { ParticipantsSection } from '../participants/participants-section';
import { ApiKeysSection } from '../api-keys/api-keys-section';

type Apps = AgentAppsResponse['apps'];

interface Props {
  client: AgentClient;
  apps: Apps;
  me: AgentAccess['me'];
  onSignOut(): void;
}

function initialApp(apps: Apps): string | null {
  if (apps.length === 1) return apps[0].appId;
  const saved = chosenAppSetting.read();
  return apps.some((a) => a.appId === saved) ? saved : null;
}

export function SignedInShell({ client, apps, me, onSignOut }: Props) {
  const [appId, setAppId] = useState<string | null>(() => initialApp(apps));
  const [chosenName, setAgentName] = useState(() => agentNameSetting.read() ?? '');
  // An account's name is the one visitors see (the server signs replies with it); only the server token chooses.
  const agentName = me.displayName ?? chosenName;
  const app = apps.find((a) => a.appId === appId);
  const [section, setSection] = useState<ConsoleSection>('conversations');
  // Chat links, participants, invitations and API keys (per app) and agents (across apps) are an owner's or admin's business; the server answers others 403.
  const manages = mayManageAgents(me.role);
  const sections: ConsoleSection[] = manages ? (app ? ['conversations', 'links', 'participants', 'invitations', 'api-keys', 'agents'] : ['conversations', 'agents']) : ['conversations'];
  const shown = sections.includes(section) ? section : 'conversations';

  return (
    <>
      <ConsoleHeader
        appName={app?.name}
        canSwitchApp={apps.length > 1 && app !== undefined}
        onSwitchApp={() => {
          chosenAppSetting.clear();
          setAppId(null);
          setSection('conversations');
        }}
        me={me}
        agentName={agentName}
        onAgentName={(name) => {
          setAgentName(name);
          agentNameSetting.save(name);
        }}
        onSignOut={onSignOut}
      />
      {sections.length > 1 && <SectionNav sections={sections} current={shown} onChange={setSection} />}
      {shown === 'agents' ? (
        <AgentsSection client={client} apps={apps} actorRole={me.role} />
      ) : app && shown === 'participants' ? (
        <ParticipantsSection key={app.appId} client={client} appId={app.appId} />
      ) : app && shown === 'links' ? (
        <LinksSection key={app.appId} client={client} appId={app.appId} appLocales={app.locales} />
      ) : app && shown === 'invitations' ? (
        <InvitationsSection key={app.appId} client={client} appId={app.appId} appLocales={app.locales} />
      ) : app && shown === 'api-keys' ? (
        <ApiKeysSection key={app.appId} client={client} appId={app.appId} />
      ) : app ? (
        <Workspace key={app.appId} client={client} appId={app.appId} agentName={agentName} />
      ) : (
        <AppPicker
          apps={apps}
          onPick={(id) => {
            chosenAppSetting.save(id);
            setAppId(id);
          }}
        />
      )}
    </>
  );
}
