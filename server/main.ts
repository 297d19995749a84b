import { agentTokenFileExists } from './auth/agent-token';
import { browsableHost } from './config/browsable-host';
import { readServerSettings, type ServerSettings } from './config/server-settings';
import { startServer, type RunningServer } from './http-server';
import { projectRootFromBuiltEntry } from './project-root';
import { startupBanner } from './startup/startup-banner';
import { startupErrorMessage } from './startup/startup-error';

async function main(): Promise<void> {
  let settings: ServerSettings | undefined;
  let running: RunningServer;
  let agentTokenFromFile: boolean;
  try {
    settings = readServerSettings(process.env, projectRootFromBuiltEntry(import.meta.url));
    agentTokenFromFile = agentTokenFileExists(settings.dataDir);
    running = await startServer(settings);
  } catch (error) {
    console.error(startupErrorMessage(error, settings) ?? error);
    process.exitCode = 1;
    return;
  }

  const { context } = running;
  console.log(
    startupBanner({
      baseUrl: `http://${browsableHost(context.settings.host)}:${running.port}`,
      apps: context.apps,
      agentToken: context.agentToken,
      agentTokenConfigured: context.settings.agentToken !== undefined,
      agentTokenFromFile,
      dataDir: context.settings.dataDir,
    }),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    running.log.info({ signal }, 'shutting down');
    running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
