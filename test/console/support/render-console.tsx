import { render } from '@testing-library/preact';
import { ConsoleApp } from '../../../server/console/console-app';
import { GOOD_TOKEN } from './fake-agent-api';

export const API_BASE = 'http://localhost:3000';

/** The console as a signed-in agent would open it (token already in this tab), or signed out. */
export function renderConsole({ signedIn = true }: { signedIn?: boolean } = {}) {
  if (signedIn) sessionStorage.setItem('direct-chat-console:token', GOOD_TOKEN);
  return render(<ConsoleApp apiBase={API_BASE} />);
}
