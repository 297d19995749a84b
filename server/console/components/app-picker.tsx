import { useLayoutEffect, useRef } from 'preact/hooks';
import type { AgentAppsResponse } from '../../agent-wire';

interface Props {
  apps: AgentAppsResponse['apps'];
  onPick(appId: string): void;
}

export function AppPicker({ apps, onPick }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);

  return (
    <main id="main" class="app-picker">
      <h2 ref={heading} tabIndex={-1}>
        Choose an app
      </h2>
      {apps.length === 0 ? (
        <p>This server hosts no apps yet.</p>
      ) : (
        <ul class="app-picker__list">
          {apps.map((app) => (
            <li key={app.appId}>
              <button type="button" class="app-picker__app" onClick={() => onPick(app.appId)}>
                <span class="app-picker__name">{app.name}</span>
                <span class="app-picker__id">{app.appId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
