import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { AppConfig, LocaleCode } from '../api/wire';
import { fetchAppConfig } from '../api/app-config-api';
import { isApiFailure } from '../api/api-failure';
import { BootContext } from '../boot/boot-context';
import { createLazyChatEngine } from '../chat/lazy-chat-engine';
import { accentStyle } from '../config/accent-color';
import { SUPPORTED_LOCALES, isSupportedLocale } from '../i18n/locales';
import { resolvedLocale, switchLanguage } from '../i18n/setup-i18n';
import { useT } from '../i18n/use-t';
import { storageKeys } from '../storage/storage-keys';
import { ErrorScreen, type ScreenKind } from '../components/error-screen';
import { LoadingSkeleton } from '../components/loading-skeleton';
import { ChatPage, type FailureScreen } from './chat-page';
import { loadChatPageParts } from './use-chat-page-parts';

type ConfigState = { status: 'loading' } | { status: 'ready'; config: AppConfig } | { status: 'failed'; kind: ScreenKind };

function failureKind(error: unknown): ScreenKind {
  if (isApiFailure(error)) {
    if (error.code === 'app_not_found' || error.code === 'fullpage_disabled') return error.code;
    if (error.status === 404) return 'app_not_found';
    if (error.kind === 'network') return 'network';
  }
  return 'server';
}

interface ChatRouteProps {
  appId: string;
  /** Opened through a chat link: its slug goes with new conversations, and its answer is the app's config. */
  chatLink?: { slug: string; config: Promise<AppConfig>; failureScreen: FailureScreen };
  /** The config, already loaded by the caller (a personal deep link's, with its personalized welcome). */
  initialConfig?: AppConfig;
  /** Where the config comes from in another language; the app's own config by default. */
  loadConfig?: (locale: LocaleCode) => Promise<AppConfig>;
  /** A personal deep link's code: the visitor becomes its user. */
  deepLink?: string;
}

/** The chat of one app (its id already checked by the route). */
export function ChatRoute({ appId, chatLink, initialConfig, loadConfig, deepLink }: ChatRouteProps) {
  const boot = useContext(BootContext);
  if (!boot) throw new Error('ChatRoute needs a BootContext provider');
  const { t, i18n } = useT();
  // A config that came before the first render: it draws the chat at once (as a server's first screen shows it).
  const [configState, setConfigState] = useState<ConfigState>(() => {
    const known = boot.prefetchedConfig?.config;
    return known?.appId === appId ? { status: 'ready', config: known } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  const load = loadConfig ?? ((locale: LocaleCode) => fetchAppConfig({ base: boot.apiBase, appId }, locale));

  useEffect(() => {
    let current = true;
    const prefetched =
      chatLink?.config ??
      (attempt > 0 ? undefined : initialConfig ? Promise.resolve(initialConfig) : boot.prefetchedConfig?.appId === appId ? boot.prefetchedConfig.result : undefined);
    const request = prefetched ?? load(resolvedLocale(i18n));
    request.then(
      (config) => current && setConfigState({ status: 'ready', config }),
      (error: unknown) => current && setConfigState({ status: 'failed', kind: failureKind(error) }),
    );
    return () => {
      current = false;
    };
  }, [appId, attempt]);

  const controller = useMemo(
    () =>
      createLazyChatEngine(
        {
          apiBase: boot.apiBase,
          appId,
          locale: () => resolvedLocale(i18n),
          storage: boot.storage,
          link: { search: boot.linkSearch, withIdentity: attempt === 0 },
          linkSlug: chatLink?.slug,
          deepLink: attempt === 0 ? deepLink : undefined,
        },
        () => loadChatPageParts(i18n),
      ),
    [appId, attempt],
  );

  const config = configState.status === 'ready' ? configState.config : undefined;

  const changeLanguage = async (next: LocaleCode) => {
    boot.storage.set(storageKeys.languageChoice, next);
    try {
      await switchLanguage(i18n, next);
      const localized = await load(next);
      setConfigState({ status: 'ready', config: localized });
    } catch {
      // Keep the current language or branding; the switcher still shows the choice made.
    }
  };

  const style = accentStyle(config?.branding.accentColor);
  const restart = () => setAttempt((n) => n + 1);

  let content;
  if (configState.status === 'failed') {
    const retry = configState.kind === 'network' || configState.kind === 'server';
    content = <ErrorScreen kind={configState.kind} action={retry ? { label: t('errors.tryAgain'), onClick: restart } : undefined} />;
  } else if (!config) {
    content = <LoadingSkeleton />;
  } else {
    const locales = config.locales.filter(isSupportedLocale);
    content = (
      <ChatPage
        key={attempt}
        controller={controller}
        config={config}
        locales={locales.length > 0 ? locales : SUPPORTED_LOCALES}
        onLanguageChange={(next) => void changeLanguage(next)}
        onRestart={restart}
        failureScreen={chatLink?.failureScreen}
      />
    );
  }
  return (
    <div class="app-root" style={style}>
      {content}
    </div>
  );
}
