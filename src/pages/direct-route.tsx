import { useRoute } from 'preact-iso';
import { isValidAppId } from '../link/app-id';
import { ChatRoute } from './chat-route';
import { NotFoundPage } from './not-found-page';

/** /direct/<appId>: the app's chat when the id can be one, "not found" otherwise. */
export function DirectRoute() {
  const { appId } = useRoute().params;
  return appId && isValidAppId(appId) ? <ChatRoute appId={appId} /> : <NotFoundPage />;
}
