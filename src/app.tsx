import type { i18n } from 'i18next';
import { BootContext, type Boot } from './boot/boot-context';
import { ErrorBoundary } from './components/error-boundary';
import { I18nContext } from './i18n/use-t';
import { ChatRoute } from './pages/chat-route';
import { NotFoundPage } from './pages/not-found-page';
import { appIdFromPath } from './routes';

/**
 * The providers and the page's only two routes: /direct/<appId>, and "not found" for every other path. The page
 * never navigates (it edits its address with replaceState), so the path is read once, with no router to ship.
 */
export function App({ boot, i18n }: { boot: Boot; i18n: i18n }) {
  const appId = appIdFromPath(location.pathname);
  return (
    <I18nContext.Provider value={i18n}>
      <BootContext.Provider value={boot}>
        <ErrorBoundary>{appId ? <ChatRoute appId={appId} /> : <NotFoundPage />}</ErrorBoundary>
      </BootContext.Provider>
    </I18nContext.Provider>
  );
}
