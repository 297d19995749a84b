import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorScreen } from '../components/error-screen';
import { LoadingSkeleton } from '../components/loading-skeleton';

/**
 * `/p/<code>`: the deep-link screens are their own chunk (the boot fetched it alongside the link's config), loaded
 * here without a lazy-route helper in the entry chunk.
 */
export function DeepLinkEntry() {
  const [Route, setRoute] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('./deep-link-route').then((module) => setRoute(() => module.default), () => setFailed(true));
  }, []);
  if (failed) return <ErrorScreen kind="network" />;
  return Route ? <Route /> : <LoadingSkeleton />;
}
