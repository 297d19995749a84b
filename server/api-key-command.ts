import { parseArgs } from 'node:util';
import { createInProcessBus } from './bus/in-process-bus';
import { AppsConfigError, loadAppsConfig } from './config/apps-config';
import { readServerSettings, SettingsError } from './config/server-settings';
import { issueApiKey } from './deep-links/issue-api-key';
import { openStore } from './store/open-store';

const USAGE = `Usage: npm run api-key -- --app <appId> [--name <label>]

Creates an API key for the public deep-link API of that app and prints it, alone, on stdout. It is shown only this
once: the server keeps only its hash. The database is the server's (DIRECT_CHAT_DATA_DIR, or DATABASE_URL).
Revoke a key in the agent console (API keys) or with DELETE /api/agent/apps/{appId}/api-keys/{id}.`;

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

/** The command's work, apart from the process: its exit code. */
export async function apiKeyCommand(argv: string[], env: NodeJS.ProcessEnv, projectRoot: string, io: CommandOutput): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { app: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.app) {
    io.err(USAGE);
    return values.help ? 0 : 2;
  }
  const name = (values.name ?? 'API key').trim();
  if (name === '' || name.length > 80) {
    io.err('--name must be 1 to 80 characters');
    return 2;
  }
  try {
    const settings = readServerSettings(env, projectRoot);
    const app = loadAppsConfig(settings.appsFile).get(values.app);
    if (!app) {
      io.err(`No app "${values.app}" in ${settings.appsFile}`);
      return 1;
    }
    // Creating a key announces nothing, so no live-event bus is needed, even on PostgreSQL.
    const store = await openStore(settings, createInProcessBus());
    try {
      const { key } = await issueApiKey(store.apiKeys, app.appId, name, new Date().toISOString());
      io.out(key);
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof AppsConfigError || error instanceof SettingsError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
