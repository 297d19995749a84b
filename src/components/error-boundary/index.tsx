import { Component, type ComponentChildren } from 'preact';
import { useT } from '../../i18n/use-t';
import { ErrorScreen } from '../error-screen';

interface State {
  failed: boolean;
}

/** Whatever goes wrong while rendering, the visitor gets a translated screen with a way forward, never a blank page. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <RenderFailure />;
  }
}

function RenderFailure() {
  const { t } = useT();
  // Reloading keeps what was typed: drafts and unsent messages are in storage.
  return <ErrorScreen kind="server" action={{ label: t('errors.tryAgain'), onClick: () => location.reload() }} />;
}
