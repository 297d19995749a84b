import { useContext, useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { DeepLinkConfigResponse, DeepLinkState, LocaleCode } from '../api/wire';
import { requestDeepLinkConfig } from '../api/app-config-api';
import { checkedDeepLinkConfig } from '../api/deep-link-config';
import { isApiFailure } from '../api/api-failure';
import { BootContext } from '../boot/boot-context';
import { accentStyle } from '../config/accent-color';
import { formatMoment } from '../i18n/format-moment';
import { resolvedLocale, switchLanguage } from '../i18n/setup-i18n';
import { useT } from '../i18n/use-t';
import { ErrorScreen, type ScreenKind } from '../components/error-screen';
import { LoadingSkeleton } from '../components/loading-skeleton';
import { ChatRoute } from './chat-route';
import type { FailureScreen } from './chat-page';
import type { i18n as I18n } from 'i18next';
import { addDeepLinkMessages } from './deep-link-messages';

type DeepLinkLoad =
  | { status: 'loading' }
  | { status: 'ready'; answer: DeepLinkConfigResponse; chatLink?: ChatLinkScreens }
  | { status: 'failed'; kind: ScreenKind };

interface ChatLinkScreens {
  /** The language a fixed-locale link imposes. */
  fixed?: LocaleCode;
  /** The screen of a conversation the link refuses. */
  failureScreen: FailureScreen;
  /** Merges the link screens' texts of a language. */
  addMessages(locale: string): void;
}

/**
 * A deep link made for a chat link: the link's fixed language loads first, and its screens (the limit one) come
 * along, only for such links.
 */
async function prepareChatLink(i18n: I18n, answer: DeepLinkConfigResponse): Promise<ChatLinkScreens | undefined> {
  const { linkSlug, locale, state } = answer.deepLink;
  if (!linkSlug || state !== 'active') return undefined;
  const { addLinkMessages, linkFailureScreen, fixedLinkLocale } = await import('../boot/start-link-page');
  const fixed = fixedLinkLocale(locale);
  if (fixed && fixed !== resolvedLocale(i18n)) await switchLanguage(i18n, fixed).catch(() => undefined);
  const addMessages = (next: string) => addLinkMessages(i18n, next);
  addMessages(resolvedLocale(i18n));
  return { fixed, failureScreen: linkFailureScreen, addMessages };
}

function failureKind(error: unknown): ScreenKind {
  if (isApiFailure(error)) {
    if (error.code === 'fullpage_disabled') return error.code;
    if (error.status === 404) return 'not_found';
    if (error.kind === 'network') return 'network';
  }
  return 'server';
}

/**
 * `/p/<code>`: a personal deep link. One call resolves it; an active link opens its scenario's chat as the link's
 * user, with the welcome the server personalized. An expired or revoked link, one whose invitation has closed, or one
 * whose chat link has not opened yet (it says from when), says so and offers a guest chat.
 */
export default function DeepLinkRoute() {
  const { code } = useRoute().params;
  const { i18n } = useT();
  addDeepLinkMessages(i18n);
  return code ? <ValidDeepLinkRoute key={code} code={code} /> : <ErrorScreen kind="not_found" />;
}

function ValidDeepLinkRoute({ code }: { code: string }) {
  const boot = useContext(BootContext);
  if (!boot) throw new Error('DeepLinkRoute needs a BootContext provider');
  const { t, i18n } = useT();
  const { route } = useLocation();
  const [state, setState] = useState<DeepLinkLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const load = (locale: LocaleCode) => checkedDeepLinkConfig(requestDeepLinkConfig(boot.apiBase, code, locale));

  useEffect(() => {
    let current = true;
    const prefetched = attempt === 0 && boot.prefetchedDeepLink?.code === code ? checkedDeepLinkConfig(boot.prefetchedDeepLink.result) : undefined;
    (prefetched ?? load(resolvedLocale(i18n)))
      .then(async (answer) => ({ answer, chatLink: await prepareChatLink(i18n, answer) }))
      .then(
        ({ answer, chatLink }) => current && setState({ status: 'ready', answer, chatLink }),
        (error: unknown) => current && setState({ status: 'failed', kind: failureKind(error) }),
      );
    return () => {
      current = false;
    };
  }, [code, attempt]);

  // Another language chosen in a multilingual link's chat: its link screens' texts come along.
  const linkScreens = state.status === 'ready' ? state.chatLink : undefined;
  useEffect(() => {
    if (!linkScreens) return;
    i18n.on('languageChanged', linkScreens.addMessages);
    return () => i18n.off('languageChanged', linkScreens.addMessages);
  }, [linkScreens]);

  if (state.status === 'ready' && state.answer.deepLink.state === 'active') {
    const { app, deepLink } = state.answer;
    const loadConfig = async (locale: LocaleCode) => (await load(locale)).app;
    if (!deepLink.linkSlug || !state.chatLink) {
      return <ChatRoute appId={app.appId} initialConfig={app} loadConfig={loadConfig} deepLink={code} />;
    }
    // Conversations start with the link (its rules and engagement); a fixed-locale link offers only its language.
    const { fixed } = state.chatLink;
    const config = Promise.resolve(fixed ? { ...app, locales: [fixed] } : app);
    const chatLink = { slug: deepLink.linkSlug, config, failureScreen: state.chatLink.failureScreen };
    return <ChatRoute appId={app.appId} chatLink={chatLink} loadConfig={loadConfig} deepLink={code} />;
  }

  let content;
  if (state.status === 'loading') {
    content = <LoadingSkeleton />;
  } else if (state.status === 'failed') {
    const canRetry = state.kind === 'network' || state.kind === 'server';
    content = <ErrorScreen kind={state.kind} action={canRetry ? { label: t('errors.tryAgain'), onClick: () => setAttempt((n) => n + 1) } : undefined} />;
  } else {
    const { deepLink, app } = state.answer;
    const asGuest = { label: t('errors.chatAsGuest'), onClick: () => route(`/direct/${encodeURIComponent(app.appId)}`) };
    content =
      deepLink.state === 'not_yet_active' ? (
        <ErrorScreen
          kind="deep_link_not_yet_active"
          values={{ when: deepLink.activeFrom ? formatMoment(deepLink.activeFrom, resolvedLocale(i18n)) : '' }}
          action={asGuest}
        />
      ) : (
        <ErrorScreen kind={`deep_link_${deepLink.state as Exclude<DeepLinkState, 'active' | 'not_yet_active'>}`} action={asGuest} />
      );
  }
  return (
    <div class="app-root" style={accentStyle(state.status === 'ready' ? state.answer.app.branding.accentColor : undefined)}>
      {content}
    </div>
  );
}
