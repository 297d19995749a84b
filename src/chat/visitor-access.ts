import type { IdentityPayload, InputVars, LocaleCode } from '../api/wire';
import type { ApiTarget } from '../api/endpoints';
import { createVisitor } from '../api/chat-api';
import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';
import type { ChatStore } from './chat-store';

export interface VisitorAccessOptions {
  apiBase: string;
  appId: string;
  storage: SafeStorage;
  locale: () => LocaleCode;
  identity?: IdentityPayload;
  vars?: InputVars;
  deepLink?: string;
  store: ChatStore;
  persist<T>(call: () => Promise<T>): Promise<T>;
  /** The backend forgot the token: whatever belonged to the old visitor is to be let go of. */
  onLost(): void;
}

/** The visitor token: kept per app, obtained once (handing over the signed identity), renewed when forgotten. */
export class VisitorAccess {
  private token: string | null;
  private identity: IdentityPayload | undefined;
  private deepLink: string | undefined;
  private ready: Promise<void> | null = null;
  private renewal: Promise<void> | null = null;

  constructor(private readonly options: VisitorAccessOptions) {
    this.token = options.storage.get(storageKeys.visitorToken(options.appId));
    this.identity = options.identity;
    this.deepLink = options.deepLink;
  }

  target(): ApiTarget {
    return { base: this.options.apiBase, appId: this.options.appId, token: this.token ?? undefined };
  }

  ensure(): Promise<void> {
    const { store, storage, appId, vars } = this.options;
    this.ready ??= this.options
      .persist(async () => {
        const response = await createVisitor(this.target(), {
          locale: this.options.locale(),
          ...(this.identity ? { identity: this.identity } : {}),
          ...(vars && Object.keys(vars).length > 0 ? { vars } : {}),
          ...(this.deepLink ? { deepLink: this.deepLink } : {}),
        });
        // The signed identity (or deep link) is handed over once; from now on the token speaks for the visitor.
        this.identity = undefined;
        this.deepLink = undefined;
        this.token = response.visitorToken;
        storage.set(storageKeys.visitorToken(appId), response.visitorToken);
        store.update({
          visitor: response.visitor,
          ...(response.identityError ? { identityNotice: response.identityError } : {}),
        });
      })
      .catch((error) => {
        this.ready = null;
        throw error;
      });
    return this.ready;
  }

  /**
   * The backend no longer knows our token (its data was reset): become a fresh guest, once however many calls
   * noticed.
   */
  renew(): Promise<void> {
    this.renewal ??= (async () => {
      this.token = null;
      this.options.storage.remove(storageKeys.visitorToken(this.options.appId));
      this.ready = null;
      this.options.onLost();
      await this.ensure();
    })().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }
}
