import type { i18n } from 'i18next';
import { LocationProvider, Route, Router } from 'preact-iso';
import { BootContext, type Boot } from './boot/boot-context';
import { ErrorBoundary } from './components/error-boundary';
import { I18nContext } from './i18n/use-t';
import { DeepLinkEntry } from './pages/deep-link-entry';
import { DirectRoute } from './pages/direct-route';
import { NotFoundPage } from './pages/not-found-page';
import { DEEP_LINK_ROUTE, DIRECT_ROUTE } from './routes';

/** The providers and every route of the page in one place; "not found" last. */
export function App({ boot, i18n }: { boot: Boot; i18n: i18n }) {
  return (
    <I18nContext.Provider value={i18n}>
      <BootContext.Provider value={boot}>
        <ErrorBoundary>
          <LocationProvider>
            <Router>
              <Route path={DIRECT_ROUTE} component={DirectRoute} />
              <Route path={DEEP_LINK_ROUTE} component={DeepLinkEntry} />
              {/* On a chat-link address (/c/...) the boot brings the link route from its own chunk: it says "not found" itself. */}
              <Route default component={boot.linkRoute ?? NotFoundPage} />
            </Router>
          </LocationProvider>
        </ErrorBoundary>
      </BootContext.Provider>
    </I18nContext.Provider>
  );
}
