import type { ComponentType } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { ChatLinkConfigResponse } from '../api/wire';
import { checkedLinkConfig, requestLinkConfig } from '../api/link-config';
import { isApiFailure } from '../api/api-failure';
import { BootContext } from '../boot/boot-context';
import { accentStyle } from '../config/accent-color';
import { resolvedLocale } from '../i18n/setup-i18n';
import { useT } from '../i18n/use-t';
import { fixedLinkLocale } from '../link/link-locale';
import { linkSlugFromPath } from '../link/link-slug';
import { ErrorScreen, type ScreenKind } from '../components/error-screen';
import { LinkStateScreen } from '../components/link-state-screen';
import { LoadingSkeleton } from '../components/loading-skeleton';
import { addLinkMessages } from './link-messages';
import { linkFailureScreen } from './link-failure-screen';
import { ChatRoute } from './chat-route';
import type { i18n as I18n } from 'i18next';
import { switchLanguage } from '../i18n/setup-i18n';

type Prefetched = { slug: string; result: Promise<unknown> };

/**
 * Before the first render of /c/<slug>: a fixed-locale link's language (when the page was served without the hint,
 * e.g. hosted elsewhere, that costs one more trip) and the link screens' texts. Gives the route, which uses the
 * boot's config request for its first answer.
 */
export async function prepareLinkPage(i18n: I18n, slug: string | undefined, config: Promise<unknown> | undefined): Promise<ComponentType> {
  const answer = (await config?.catch(() => undefined)) as { link?: { locale?: unknown } } | undefined;
  const locale = fixedLinkLocale(answer?.link?.locale);
  if (locale && locale !== resolvedLocale(i18n)) await switchLanguage(i18n, locale).catch(() => undefined);
  addLinkMessages(i18n, resolvedLocale(i18n));
  const prefetched = slug && config ? { slug, result: config } : undefined;
  return () => <LinkRoute prefetched={prefetched} />;
}

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
function LinkRoute({ prefetched }: { prefetched?: Prefetched }) {
  const { path } = useRoute();
  const { i18n } = useT();
  const slug = linkSlugFromPath(path);
  // The boot merged the link texts for a well-formed slug; a malformed one gets them here, for its screen.
  if (!slug) addLinkMessages(i18n, resolvedLocale(i18n));
  return slug ? <ValidLinkRoute key={slug} slug={slug} prefetched={prefetched} /> : <ErrorScreen kind="link_not_found" />;
}

function ValidLinkRoute({ slug, prefetched }: { slug: string; prefetched?: Prefetched }) {
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
    const first = attempt === 0 && prefetched?.slug === slug ? prefetched.result : undefined;
    checkedLinkConfig(first ?? requestLinkConfig(boot.apiBase, slug, resolvedLocale(i18n))).then(
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
    // A fixed-locale link offers only its language.
    const fixed = fixedLinkLocale(link.locale);
    const config = Promise.resolve(fixed ? { ...app, locales: [fixed] } : app);
    return <ChatRoute appId={app.appId} chatLink={{ slug: link.slug, config, failureScreen: linkFailureScreen }} />;
  }

  let content;
  if (state.status === 'loading') {
    content = <LoadingSkeleton />;
  } else if (state.status === 'failed') {
    const canRetry = state.kind === 'network' || state.kind === 'server';
    content = <ErrorScreen kind={state.kind} action={canRetry ? { label: t('errors.tryAgain'), onClick: retry } : undefined} />;
  } else {
    content = <LinkStateScreen link={state.answer.link} onCheckAgain={retry} />;
  }
  return (
    <div class="app-root" style={accentStyle(state.status === 'ready' ? state.answer.app.branding.accentColor : undefined)}>
      {content}
    </div>
  );
}
