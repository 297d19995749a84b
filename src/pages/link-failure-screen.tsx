import { useT } from '../i18n/use-t';
import type { ChatEngine } from '../chat/chat-engine';
import { ErrorScreen } from '../components/error-screen';
import type { FailureScreen } from './chat-page';

/** A participant at the link's limit has a conversation already (on this device, or as this customer): offer it. */
function LinkLimitScreen({ engine, open }: { engine: ChatEngine; open(sessionId: string): void }) {
  const { t } = useT();
  const openLatest = () => void engine.listConversations().then(([latest]) => latest && open(latest.id), () => undefined);
  return <ErrorScreen kind="link_limit_reached" action={{ label: t('errors.openConversation'), onClick: openLatest }} />;
}

/** The screen of a conversation a chat link refuses (its texts come with addLinkMessages). */
export const linkFailureScreen: FailureScreen = (failure, engine, open) =>
  failure === 'link_limit_reached' ? <LinkLimitScreen engine={engine} open={open} /> : undefined;
