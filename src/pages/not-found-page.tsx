import { ErrorScreen } from '../components/error-screen';

export function NotFoundPage() {
  return <ErrorScreen kind="not_found" />;
}
