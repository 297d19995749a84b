// The app config a server wrote into the page it served with the first screen (server/static/first-screen-boot.ts):
// the page boots with it instead of asking for it again.
import { isAppConfig } from '../api/app-config-guard';
import type { AppConfig, LocaleCode } from '../api/wire';

/** The id of the JSON data block (`<script type="application/json">`, never executed) that carries it. */
export const INLINED_CONFIG_ID = 'direct-chat-config';

/** What the block holds: the config the first screen was drawn with, and its language. */
export interface InlinedConfig {
  locale: LocaleCode;
  config: AppConfig;
}

/** The inlined config when it is for this app and this language and has the config's shape; else undefined. */
export function readInlinedConfig(document: Document, appId: string, locale: LocaleCode): AppConfig | undefined {
  try {
    const { locale: written, config } = JSON.parse(document.getElementById(INLINED_CONFIG_ID)!.textContent!) as Partial<Record<keyof InlinedConfig, unknown>>;
    if (written === locale && isAppConfig(config) && config.appId === appId) return config;
  } catch {
    // None written (or not JSON): the page asks the API.
  }
}
