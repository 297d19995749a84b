import { parseArgs } from 'node:util';
import { AppsConfigError, loadAppsConfig } from './config/apps-config';
import { browsableHost } from './config/browsable-host';
import { DEFAULT_PORT, readServerSettings, SettingsError } from './config/server-settings';
import { projectRootFromBuiltEntry } from './project-root';
import { signDirectLink } from './sign-link';

const USAGE = `Usage: npm run sign-link -- --app <appId> --sbs <customerId> [options]

  --name <text>       display name (a claim, unsigned)
  --nickname <text>   nickname (a claim)
  --email <text>      email (a claim)
  --phone <text>      phone (a claim)
  --chat-id <id>      open this chat session directly (direct=1&chatid=...)
  --lang <code>       page language, e.g. en, zh-cn, pt
  --var key=value     an input variable; repeat for more
  --base <url>        where the page is served (default http://127.0.0.1:$PORT, PORT defaults to ${DEFAULT_PORT})

The AppSecret is read from the apps config (server/apps.json, or the file named by DIRECT_CHAT_APPS).`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        app: { type: 'string' },
        sbs: { type: 'string' },
        name: { type: 'string' },
        nickname: { type: 'string' },
        email: { type: 'string' },
        phone: { type: 'string' },
        'chat-id': { type: 'string' },
        lang: { type: 'string' },
        var: { type: 'string', multiple: true },
        base: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || !values.app || !values.sbs) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    const settings = readServerSettings(process.env, projectRootFromBuiltEntry(import.meta.url));
    const app = loadAppsConfig(settings.appsFile).get(values.app);
    if (!app) {
      console.error(`No app "${values.app}" in ${settings.appsFile}`);
      return 1;
    }
    const vars: Record<string, string> = {};
    for (const pair of values.var ?? []) {
      const at = pair.indexOf('=');
      if (at < 1) throw new TypeError(`--var expects key=value, got "${pair}"`);
      vars[pair.slice(0, at)] = pair.slice(at + 1);
    }
    console.log(
      signDirectLink({
        baseUrl: values.base ?? `http://${browsableHost(settings.host)}:${settings.port}`,
        appId: app.appId,
        secret: app.appSecret,
        sbs: values.sbs,
        name: values.name,
        nickname: values.nickname,
        email: values.email,
        phone: values.phone,
        chatId: values['chat-id'],
        lang: values.lang,
        vars,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof AppsConfigError || error instanceof SettingsError || error instanceof TypeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
