import type { HttpBindings } from '@hono/node-server';
import type { Logger } from 'pino';
import type { ApiContext } from '../api-context';
import type { HostedApp } from '../config/apps-config';
import type { AgentPrincipal } from '../auth/agent-principal';
import type { ApiKeyRecord, VisitorRecord } from '../store/records';
import type { Caller } from './caller';

/**
 * What every handler of the Hono app can reach. `context` and `log` are set for every request; `app` by the app-scope
 * middleware and `visitor` by visitor auth, on the routes that use them.
 */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    context: ApiContext;
    log: Logger;
    requestId: string;
    app: HostedApp;
    visitor: VisitorRecord;
    /** Set by agent auth. */
    agent: AgentPrincipal;
    /** Set by API-key auth on the public API. */
    apiKey: ApiKeyRecord;
    /** The request body, read (within the size limit) by limitBody on every API route. */
    body: Uint8Array;
    /** Memo of callerOf. */
    caller: Caller;
  };
}
