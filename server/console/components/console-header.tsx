import type { AgentAccess } from '../api/agent-client';
import { AgentNameField } from './agent-name-field';

interface Props {
  appName?: string;
  canSwitchApp: boolean;
  me: AgentAccess['me'];
  onSwitchApp(): void;
  agentName: string;
  onAgentName(name: string): void;
  onSignOut(): void;
}

export function ConsoleHeader({ appName, canSwitchApp, onSwitchApp, me, agentName, onAgentName, onSignOut }: Props) {
  return (
    <header class="console-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <h1 class="console-header__title">
        Agent console{appName && <span class="console-header__app">{appName}</span>}
      </h1>
      <div class="console-header__tools">
        <p class="console-header__who">
          Signed in as <bdi>{me.displayName ?? me.name}</bdi> ({me.role})
        </p>
        {me.displayName ? (
          <p class="agent-name">
            Your name shown to visitors: <strong><bdi>{me.displayName}</bdi></strong>
          </p>
        ) : (
          <AgentNameField value={agentName} onChange={onAgentName} />
        )}
        {canSwitchApp && (
          <button type="button" class="button" onClick={onSwitchApp}>
            Switch app
          </button>
        )}
        <button type="button" class="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
