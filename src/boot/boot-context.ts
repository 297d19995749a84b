import { createContext } from 'preact';
import type { ComponentType } from 'preact';
import type { AppConfig } from '../api/wire';
import type { SafeStorage } from '../storage/safe-storage';

/** What the boot read once, before the first render: the link, the deploy-time API base, storage. */
export interface Boot {
  apiBase: string;
  storage: SafeStorage;
  /** The address's query as the page was opened, identity included: the engine's code reads the rest of the link. */
  linkSearch: string;
  /** The link's ?lang, the one part of it the first render needs. */
  linkLang?: string;
  /** The config request started in parallel with the locale, for the app in the address at load; `config` once it came. */
  prefetchedConfig?: { appId: string; result: Promise<AppConfig>; config?: AppConfig };
  /** The /c/<slug> route, from its own chunk (loaded only for such an address) with the link's config request. */
  linkRoute?: ComponentType;
  /** The same for a personal deep link at /p/<code>: its config, unchecked until its screens load. */
  prefetchedDeepLink?: { code: string; result: Promise<unknown> };
}

export const BootContext = createContext<Boot | null>(null);
