import type { i18n } from 'i18next';
import { LocationProvider, Route, Router, lazy } from 'preact-iso';
import { BootContext, type Boot } from './boot/boot-context';
import { ErrorBoundary } from './components/error-boundary';
import { I18nContext } from './i18n/use-t';
import { ChatRoute } from './pages/chat-route';
import { NotFoundPage } from './pages/not-found-page';
import { CHAT_LINK_ROUTE, DIRECT_ROUTE } from './routes';

// Only /c/<slug> pages need it; the boot fetches this chunk in parallel with the link's config.
const LinkRoute = lazy(() => import('./pages/link-route'));

export function App({ boot, i18n }: { boot: Boot; i18n: i18n }) {
  return (
    <I18nContext.Provider value={i18n}>
      <BootContext.Provider value={boot}>
        <ErrorBoundary>
          <LocationProvider>
            <Router>
              <Route path={DIRECT_ROUTE} component={ChatRoute} />
              <Route path={CHAT_LINK_ROUTE} component={LinkRoute} />
              <Route default component={NotFoundPage} />
            </Router>
          </LocationProvider>
        </ErrorBoundary>
      </BootContext.Provider>
    </I18nContext.Provider>
  );
}
