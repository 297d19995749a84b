import { AgentNameField } from './agent-name-field';

interface Props {
  appName?: string;
  canSwitchApp: boolean;
  onSwitchApp(): void;
  agentName: string;
  onAgentName(name: string): void;
  onSignOut(): void;
}

export function ConsoleHeader({ appName, canSwitchApp, onSwitchApp, agentName, onAgentName, onSignOut }: Props) {
  return (
    <header class="console-header">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <h1 class="console-header__title">
        Agent console{appName && <span class="console-header__app">{appName}</span>}
      </h1>
      <div class="console-header__tools">
        <AgentNameField value={agentName} onChange={onAgentName} />
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
