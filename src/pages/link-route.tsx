import { useContext, useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { ChatLinkConfigResponse } from '../api/wire';
import { requestLinkConfig } from '../api/chat-api';
import { checkedLinkConfig } from '../api/link-config';
import { isApiFailure } from '../api/api-failure';
import { BootContext } from '../boot/boot-context';
import { accentColors } from '../config/accent-color';
import { resolvedLocale } from '../i18n/setup-i18n';
import { useT } from '../i18n/use-t';
import { addLinkMessages } from './link-messages';

export { addLinkMessages };
import { fixedLinkLocale } from '../link/link-locale';
import { linkSlugFromPath } from '../routes';
import { ErrorScreen, type ScreenKind } from '../components/error-screen';
import { LinkStateScreen } from '../components/link-state-screen';
import { ValidChatRoute } from './chat-route';

type LinkState = { status: 'loading' } | { status: 'ready'; answer: ChatLinkConfigResponse } | { status: 'failed'; kind: ScreenKind };

function failureKind(error: unknown): ScreenKind {
  if (isApiFailure(error)) {
    if (error.code === 'fullpage_disabled') return error.code;
    if (error.status === 404) return 'link_not_found';
    if (error.kind === 'network') return 'network';
  }
  return 'server';
}

/** `/c/<slug>`: one call resolves the link; an active link opens its app's chat with the link's locale and rules. */
export default function LinkRoute() {
  const { path } = useRoute();
  const { i18n } = useT();
  const slug = linkSlugFromPath(path);
  // The boot merged the link texts for a well-formed slug; a malformed one gets them here, for its screen.
  if (!slug) addLinkMessages(i18n, resolvedLocale(i18n));
  return slug ? <ValidLinkRoute key={slug} slug={slug} /> : <ErrorScreen kind="link_not_found" />;
}

function ValidLinkRoute({ slug }: { slug: string }) {
  const boot = useContext(BootContext);
  if (!boot) throw new Error('LinkRoute needs a BootContext provider');
  const { t, i18n } = useT();
  const [state, setState] = useState<LinkState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [, setMessagesLoaded] = useState(0);

  // Another language chosen in a multilingual link's chat: its link screens' texts come along.
  useEffect(() => {
    const follow = (locale: string) => {
      addLinkMessages(i18n, locale);
      setMessagesLoaded((n) => n + 1);
    };
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [i18n]);

  useEffect(() => {
    let current = true;
    const prefetched = attempt === 0 && boot.prefetchedLink?.slug === slug ? boot.prefetchedLink.result : undefined;
    checkedLinkConfig(prefetched ?? requestLinkConfig(boot.apiBase, slug, resolvedLocale(i18n))).then(
      (answer) => current && setState({ status: 'ready', answer }),
      (error: unknown) => current && setState({ status: 'failed', kind: failureKind(error) }),
    );
    return () => {
      current = false;
    };
  }, [slug, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  if (state.status === 'ready' && state.answer.link.state === 'active') {
    const { link, app } = state.answer;
    return <ValidChatRoute appId={app.appId} chatLink={{ slug: link.slug, locale: fixedLinkLocale(link.locale), config: app }} />;
  }

  let content;
  if (state.status === 'loading') {
    content = <p class="app-loading" role="status">{t('page.loading')}</p>;
  } else if (state.status === 'failed') {
    const canRetry = state.kind === 'network' || state.kind === 'server';
    content = <ErrorScreen kind={state.kind} action={canRetry ? { label: t('errors.tryAgain'), onClick: retry } : undefined} />;
  } else {
    content = <LinkStateScreen link={state.answer.link} onCheckAgain={retry} />;
  }
  const branding = state.status === 'ready' ? state.answer.app.branding : undefined;
  const colours = accentColors(branding?.accentColor);
  return (
    <div class="app-root" style={{ '--accent': colours.accent, '--on-accent': colours.onAccent }}>
      {content}
    </div>
  );
}
