import { useContext, useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { DeepLinkConfigResponse, DeepLinkState, LocaleCode } from '../api/wire';
import { requestDeepLinkConfig } from '../api/app-config-api';
import { checkedDeepLinkConfig } from '../api/deep-link-config';
import { isApiFailure } from '../api/api-failure';
import { BootContext } from '../boot/boot-context';
import { accentColors } from '../config/accent-color';
import { resolvedLocale } from '../i18n/setup-i18n';
import { useT } from '../i18n/use-t';
import { ErrorScreen, type ScreenKind } from '../components/error-screen';
import { LoadingSkeleton } from '../components/loading-skeleton';
import { ChatRoute } from './chat-route';
import { addDeepLinkMessages } from './deep-link-messages';

type DeepLinkLoad = { status: 'loading' } | { status: 'ready'; answer: DeepLinkConfigResponse } | { status: 'failed'; kind: ScreenKind };

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
 * user, with the welcome the server personalized. An expired or revoked link, or one whose invitation has closed, says so and offers a guest chat.
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
    (prefetched ?? load(resolvedLocale(i18n))).then(
      (answer) => current && setState({ status: 'ready', answer }),
      (error: unknown) => current && setState({ status: 'failed', kind: failureKind(error) }),
    );
    return () => {
      current = false;
    };
  }, [code, attempt]);

  if (state.status === 'ready' && state.answer.deepLink.state === 'active') {
    const { app } = state.answer;
    return <ChatRoute appId={app.appId} initialConfig={app} loadConfig={async (locale) => (await load(locale)).app} deepLink={code} />;
  }

  let content;
  if (state.status === 'loading') {
    content = <LoadingSkeleton />;
  } else if (state.status === 'failed') {
    const canRetry = state.kind === 'network' || state.kind === 'server';
    content = <ErrorScreen kind={state.kind} action={canRetry ? { label: t('errors.tryAgain'), onClick: () => setAttempt((n) => n + 1) } : undefined} />;
  } else {
    const { deepLink, app } = state.answer;
    const asGuest = () => route(`/direct/${encodeURIComponent(app.appId)}`);
    content = <ErrorScreen kind={`deep_link_${deepLink.state as Exclude<DeepLinkState, 'active'>}`} action={{ label: t('errors.chatAsGuest'), onClick: asGuest }} />;
  }
  const colours = accentColors(state.status === 'ready' ? state.answer.app.branding.accentColor : undefined);
  return (
    <div class="app-root" style={{ '--accent': colours.accent, '--on-accent': colours.onAccent, '--accent-text': colours.accentText }}>
      {content}
    </div>
  );
}
