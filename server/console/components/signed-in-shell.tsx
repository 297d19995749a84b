import { useState } from 'preact/hooks';
import type { AgentAppsResponse } from '../../agent-wire';
import type { AgentClient } from '../api/agent-client';
import { agentNameSetting, chosenAppSetting } from '../storage/console-settings';
import { AppPicker } from './app-picker';
import { ConsoleHeader } from './console-header';
import { Workspace } from './workspace';
import { LinksSection } from '../links/links-section';
import { SectionNav, type ConsoleSection } from './section-nav';

type Apps = AgentAppsResponse['apps'];

interface Props {
  client: AgentClient;
  apps: Apps;
  onSignOut(): void;
}

function initialApp(apps: Apps): string | null {
  if (apps.length === 1) return apps[0].appId;
  const saved = chosenAppSetting.read();
  return apps.some((a) => a.appId === saved) ? saved : null;
}

export function SignedInShell({ client, apps, onSignOut }: Props) {
  const [appId, setAppId] = useState<string | null>(() => initialApp(apps));
  const [agentName, setAgentName] = useState(() => agentNameSetting.read() ?? '');
  const [section, setSection] = useState<ConsoleSection>('conversations');
  const app = apps.find((a) => a.appId === appId);

  return (
    <>
      <ConsoleHeader
        appName={app?.name}
        canSwitchApp={apps.length > 1 && app !== undefined}
        onSwitchApp={() => {
          chosenAppSetting.clear();
          setAppId(null);
        }}
        agentName={agentName}
        onAgentName={(name) => {
          setAgentName(name);
          agentNameSetting.save(name);
        }}
        onSignOut={onSignOut}
      />
      {app && <SectionNav current={section} onChange={setSection} />}
      {app && section === 'links' && <LinksSection key={app.appId} client={client} appId={app.appId} appLocales={app.locales ?? []} />}
      {app && section === 'conversations' && <Workspace key={app.appId} client={client} appId={app.appId} agentName={agentName} />}
      {!app && (
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
