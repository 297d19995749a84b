// The reference server in this process, for page tests that need the real contract (paging, streams, ownership).
// The one place web tests start it: msw stays for injecting faults on top (setupServer with bypass).
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../../server/http-server';
import { AGENT_TOKEN, testSettings } from '../../server/support/test-server';
import { closePage } from './open-page';

export interface RealServer {
  url: string;
  /** A call to the agent API of demo_app, as an agent would make it. */
  agent(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response>;
}

/** Starts the server before the file's tests and points the page at it (its deploy-time api-base meta). */
export function useRealServer(): RealServer {
  let running: RunningServer | undefined;
  let scratch = '';
  const meta = document.createElement('meta');
  beforeAll(async () => {
    const made = await testSettings({ databaseUrl: undefined });
    scratch = made.scratch;
    running = await startServer(made.settings);
    meta.name = 'direct-chat:api-base';
    meta.content = `${running.url}/api`;
    document.head.append(meta);
  });
  afterEach(() => closePage());
  afterAll(async () => {
    meta.remove();
    await running?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!running) throw new Error('the server starts in beforeAll');
      return running.url;
    },
    agent(method, path, body) {
      return fetch(`${this.url}/api/agent/apps/demo_app${path}`, {
        method,
        headers: { Authorization: `Bearer ${AGENT_TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    },
  };
}
