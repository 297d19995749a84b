import { AppsConfigError } from './config/apps-config';
import { browsableHost } from './config/browsable-host';
import { readServerSettings, SettingsError } from './config/server-settings';
import { startServer, type RunningServer } from './http-server';
import { projectRootFromBuiltEntry } from './project-root';
import { signDirectLink } from './sign-link';

const DEMO_APP_ID = 'demo_app';
const DEMO_CUSTOMER = { sbs: '42', name: 'Ada Lovelace' };

async function main(): Promise<void> {
  let running: RunningServer;
  try {
    const settings = readServerSettings(process.env, projectRootFromBuiltEntry(import.meta.url));
    running = await startServer(settings);
  } catch (error) {
    if (error instanceof SettingsError || error instanceof AppsConfigError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`The port is in use: set PORT to another one. (${(error as Error).message})`);
    } else console.error(error);
    process.exitCode = 1;
    return;
  }

  const { context } = running;
  const base = `http://${browsableHost(context.settings.host)}:${running.port}`;
  const app = context.apps.get(DEMO_APP_ID) ?? context.apps.values().next().value!;
  const signed = signDirectLink({ baseUrl: base, appId: app.appId, secret: app.appSecret, ...DEMO_CUSTOMER });
  console.log(
    [
      '',
      'Direct Chat reference server',
      '',
      `  Chat page        ${base}/direct/${app.appId}`,
      `  Signed link      ${signed}`,
      `                   (demo customer ${DEMO_CUSTOMER.sbs}, "${DEMO_CUSTOMER.name}"; single use, make more with npm run sign-link)`,
      `  Agent console    ${base}/console/`,
      `  Agent token      ${context.agentToken}`,
      `  Data directory   ${context.settings.dataDir}`,
      '',
      `READY ${base}`,
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
